using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Gp;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Gp;

public class GpSamplerSpaceTests
{
    private static readonly SearchSpace Mixed = SearchSpace.Create(
    [
        new("learning_rate", new FloatDistribution(1e-4, 1e-1, Log: true)),
        new("dropout", new FloatDistribution(0, 0.5, Step: 0.05)),
        new("hidden_units", new IntDistribution(32, 512, Log: true)),
        new("layers", new IntDistribution(1, 61, Step: 3)),
        new("batch_size", new CategoricalDistribution([32, 64, 128])),
        new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new("nesterov", new CategoricalDistribution([true, false]), new("optimizer", ["sgd"])),
        new("momentum", new FloatDistribution(0.5, 0.99), new("optimizer", ["sgd"])),
    ]);

    private static double Objective(IReadOnlyDictionary<string, object> p) =>
        Math.Pow(Math.Log10((double)p["learning_rate"]) + 2, 2)
        + (double)p["dropout"] + Math.Abs((long)p["layers"] - 31) / 30.0
        + ((string)p["optimizer"] == "sgd" ? 1 - (double)p["momentum"] : 0.3);

    [Fact]
    public void Sample_StaysInsideBoundsGridsAndChoices_AndIncludesConditionalsExactlyWhenActive()
    {
        var study = GpStudies.Run(Mixed, new GpSampler(11, GpStudies.Fast), 25, Objective);

        foreach (var trial in study.Trials)
        {
            Assert.Empty(Mixed.CheckAssignment(trial.Params));
            var sgd = (string)trial.Params["optimizer"] == "sgd";
            Assert.Equal(sgd, trial.Params.ContainsKey("momentum"));
            Assert.Equal(sgd, trial.Params.ContainsKey("nesterov"));
            Assert.IsType<long>(trial.Params["hidden_units"]);
            Assert.Equal(0, ((long)trial.Params["layers"] - 1) % 3);
        }
    }

    [Fact]
    public void Sample_ModelsOnlyTheIntersection_AndDrawsOtherActiveParametersLikeTheRandomSampler()
    {
        var sampler = new GpSampler(3, GpStudies.Fast);
        var history = Enumerable.Range(0, 8)
            .Select(i => GpStudies.Complete(i, i, ("learning_rate", 1e-3 * (i + 1)), ("dropout", 0.05 * i), ("hidden_units", 32L + i),
                ("layers", 1L + 3 * i), ("batch_size", 64L), ("optimizer", "sgd"), ("nesterov", true), ("momentum", 0.6)))
            .ToList();
        history.Add(GpStudies.Complete(8, 9, ("learning_rate", 0.05), ("dropout", 0.1), ("hidden_units", 40L), ("layers", 4L), ("batch_size", 32L), ("optimizer", "adam")));
        var context = new SamplingContext(Mixed, StudyDirection.Minimize, history, 9);

        var sample = sampler.Sample(context);

        Assert.Empty(Mixed.CheckAssignment(sample));
        Assert.Equal("sgd", sample["optimizer"]);
        var random = new RandomSampler(3).Sample(context);
        Assert.Equal(random["momentum"], sample["momentum"]);
        Assert.Equal(random["nesterov"], sample["nesterov"]);
        Assert.NotEqual(random["learning_rate"], sample["learning_rate"]);
    }

    [Fact]
    public void Sample_EqualsTheRandomSampler_DuringStartup()
    {
        var history = Enumerable.Range(0, 4).Select(i => GpStudies.Complete(i, i, ("learning_rate", 1e-3))).ToList();
        var context = new SamplingContext(Mixed, StudyDirection.Minimize, history, 4);
        Assert.Equal(new RandomSampler(5).Sample(context), new GpSampler(5, GpStudies.Fast).Sample(context));
    }
}
