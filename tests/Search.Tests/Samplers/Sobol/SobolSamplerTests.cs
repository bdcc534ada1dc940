using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Sobol;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Sobol;

public class SobolSamplerTests
{
    private static readonly SearchSpace Mixed = SearchSpace.Create(
    [
        new("lr", new FloatDistribution(1e-5, 1e-1, Log: true)),
        new("dropout", new FloatDistribution(0, 0.5)),
        new("ratio", new FloatDistribution(0.1, 1, Step: 0.2)),
        new("layers", new IntDistribution(1, 8)),
        new("width", new IntDistribution(16, 1024, Log: true)),
        new("batch", new IntDistribution(32, 256, Step: 32)),
        new("optimizer", new CategoricalDistribution(["adam", "sgd", "rmsprop"])),
        new("fixed", new FloatDistribution(3, 3)),
    ]);

    private static IReadOnlyList<IReadOnlyDictionary<string, object>> Draw(SearchSpace space, int count, int seed = 7) =>
        SamplerRuns.Draw(new SobolSampler(seed), space, count);

    [Fact]
    public void Sample_StaysInsideBoundsStepsAndChoices_ForEveryDistribution()
    {
        var samples = Draw(Mixed, 1024);

        Assert.All(samples, s => Assert.Empty(Mixed.CheckAssignment(s)));
        Assert.Equal(3, samples.Select(s => s["optimizer"]).Distinct().Count());
        Assert.Equal(8, samples.Select(s => s["layers"]).Distinct().Count());
        Assert.Equal(5, samples.Select(s => s["ratio"]).Distinct().Count());
    }

    [Fact]
    public void Sample_StratifiesTheScrambledUnitSquare_LikeTheUnscrambledSequence()
    {
        var space = SearchSpace.Create([new("x", new FloatDistribution(0, 1)), new("y", new FloatDistribution(0, 1))]);
        const int k = 8;
        var points = Draw(space, 1 << k, seed: 123).Select(s => ((double)s["x"], (double)s["y"])).ToList();

        for (var a = 0; a <= k; a++)
        {
            Assert.Equal(1 << k, points.Select(p => ((int)(p.Item1 * (1 << a)), (int)(p.Item2 * (1 << (k - a))))).Distinct().Count());
        }
    }

    [Fact]
    public void Sample_GivesEachChoiceEquallyOften_OverAPowerOfTwoOfTrials()
    {
        var space = SearchSpace.Create([new("c", new CategoricalDistribution(["a", "b", "c", "d"])), new("n", new IntDistribution(0, 7))]);
        var samples = Draw(space, 64);

        Assert.All(samples.GroupBy(s => s["c"]), g => Assert.Equal(16, g.Count()));
        Assert.All(samples.GroupBy(s => s["n"]), g => Assert.Equal(8, g.Count()));
    }

    [Fact]
    public void Sample_IncludesAConditionalParameter_ExactlyWhenActive_WithTheValueOfItsOwnDimension()
    {
        var conditional = SearchSpace.Create(
        [
            new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
            new("momentum", new FloatDistribution(0.5, 0.99), new("optimizer", ["sgd"])),
            new("dropout", new FloatDistribution(0, 0.5)),
        ]);
        var flat = SearchSpace.Create(conditional.Parameters.Select(p => p with { When = null }).ToList());

        var samples = Draw(conditional, 256);
        var flatSamples = Draw(flat, 256);

        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Empty(conditional.CheckAssignment(samples[i]));
            Assert.Equal((string)samples[i]["optimizer"] == "sgd", samples[i].ContainsKey("momentum"));
            Assert.All(samples[i], p => Assert.Equal(flatSamples[i][p.Key], p.Value));
        }
    }

    [Fact]
    public void SampleAt_IsDeterministic_AndMatchesSample_AndChangesWithTheSeed()
    {
        var sampler = new SobolSampler(99);
        var viaSample = sampler.Sample(new SamplingContext(Mixed, StudyDirection.Minimize, [], 17));

        Assert.Equal(viaSample, SobolSampler.SampleAt(Mixed, 99, 17));
        Assert.Equal(SobolSampler.SampleAt(Mixed, 99, 17), SobolSampler.SampleAt(Mixed, 99, 17));
        Assert.NotEqual(SobolSampler.SampleAt(Mixed, 99, 17)["dropout"], SobolSampler.SampleAt(Mixed, 100, 17)["dropout"]);
    }

    [Fact]
    public void SampleAt_StaysValid_BeyondTheDimensionsOfTheTable()
    {
        var space = SearchSpace.Create(Enumerable.Range(0, 40).Select(i => new ParameterSpec($"p{i}", new FloatDistribution(-1, 1))).ToList());

        var samples = Draw(space, 64);

        Assert.All(samples, s => Assert.Empty(space.CheckAssignment(s)));
        Assert.True(samples.Select(s => s["p39"]).Distinct().Count() > 60);
    }

    [Fact]
    public void SampleAt_RejectsANegativeIndex_NamingIt()
    {
        Assert.Contains("index must not be negative, but got index=-1", Assert.Throws<ArgumentOutOfRangeException>(() => SobolSampler.SampleAt(Mixed, 1, -1)).Message);
    }
}
