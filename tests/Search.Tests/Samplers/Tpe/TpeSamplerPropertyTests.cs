using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Tpe;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeSamplerPropertyTests
{
    private static readonly SearchSpace Space = TpeSpaces.Mixed;

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Sample_StaysInsideBoundsGridsAndChoices_WithConditionalsPresentExactlyWhenActive(string mode)
    {
        var sampler = new TpeSampler(5, TpeModes.Options(mode));
        var history = TpeHistories.Run(sampler, Space, TpeSpaces.MixedValue, 40, pending: 3).Trials;

        var samples = Enumerable.Range(40, 150).Select(n => sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, history, n))).ToList();

        foreach (var sample in samples)
        {
            Assert.Empty(Space.CheckAssignment(sample));
            var optimizer = (string)sample["optimizer"];
            Assert.Equal(optimizer == "sgd", sample.ContainsKey("momentum"));
            Assert.Equal(optimizer != "adam", sample.ContainsKey("schedule"));
            Assert.Equal(sample.TryGetValue("schedule", out var schedule) && (string)schedule == "step", sample.ContainsKey("step_size"));
            Assert.InRange((double)sample["lr"], 1e-5, 1e-1);
            Assert.InRange((long)sample["units"], 16, 512);
            Assert.Contains((long)sample["layers"], new long[] { 1, 3, 5, 7, 9 });
            Assert.Contains((double)sample["dropout"], new[] { 0, 0.3, 0.6, 0.8999999999999999, 0.9 });
            Assert.Equal(1.0, sample["fixed"]);
            Assert.Equal("one", sample["only"]);
        }

        var seen = history.Select(t => t.Params).Concat(samples).ToList();
        Assert.Contains(seen, s => s.ContainsKey("step_size"));
        Assert.Contains(seen, s => !s.ContainsKey("schedule"));
    }

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void AskTellLoop_KeepsEverySuggestionValid_AcrossStartupAndModelledTrials(string mode)
    {
        var study = TpeHistories.Run(new TpeSampler(8, TpeModes.Options(mode, startupTrials: 5)), Space, TpeSpaces.MixedValue, 60);

        Assert.Equal(60, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Empty(Space.CheckAssignment(t.Params)));
    }

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Sample_ConcentratesLogParameter_NearGoodValuesInLogSpace(string mode)
    {
        var space = SearchSpace.Create([new("lr", new FloatDistribution(1e-6, 1, Log: true)), new("n", new IntDistribution(1, 1000, Log: true))]);
        static double Objective(IReadOnlyDictionary<string, object> p) =>
            Math.Abs(Math.Log10((double)p["lr"]) + 4) + Math.Abs(Math.Log10((long)p["n"]) - 1);
        var sampler = new TpeSampler(3, TpeModes.Options(mode));
        var history = TpeHistories.Run(sampler, space, Objective, 80).Trials;

        var samples = Enumerable.Range(80, 100).Select(n => sampler.Sample(new SamplingContext(space, StudyDirection.Minimize, history, n))).ToList();

        // Uniform sampling in log space misses the optimum by 1.67 + 0.83 = 2.5 decades on average.
        var miss = samples.Average(s => Objective(s));
        Assert.True(miss < 1.5, $"mean distance from the optimum in decades: {miss}");
        Assert.All(samples, s => Assert.Empty(space.CheckAssignment(s)));
    }

    [Fact]
    public void Sample_ReturnsOnlyActiveParameters_WhenHistoryHasNeverSeenTheBranch()
    {
        var history = Enumerable.Range(0, 12)
            .Select(n => TpeHistories.Trial(n, TrialState.Complete, n, ("optimizer", "adam"), ("lr", 0.01), ("units", 32L), ("layers", 3L), ("dropout", 0.3), ("batch", 32L), ("fixed", 1.0), ("only", "one")))
            .ToList();

        foreach (var mode in new[] { "univariate", "multivariate", "group" })
        {
            var sampler = new TpeSampler(1, TpeModes.Options(mode));
            var samples = Enumerable.Range(12, 60).Select(n => sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, history, n))).ToList();
            Assert.All(samples, s => Assert.Empty(Space.CheckAssignment(s)));
            Assert.Contains(samples, s => s.ContainsKey("momentum"));
        }
    }

    [Theory]
    [InlineData(0.0, true, false)]
    [InlineData(0.0, false, true)]
    [InlineData(3.0, true, true)]
    public void Sample_StaysValid_WithOtherPriorWeightsClipsAndEndpoints(double priorWeight, bool endpoints, bool multivariate)
    {
        var options = new TpeOptions(StartupTrials: 5, PriorWeight: priorWeight, Multivariate: multivariate, Group: multivariate, ConsiderEndpoints: endpoints, ConsiderMagicClip: !endpoints);
        var sampler = new TpeSampler(6, options);
        var history = TpeHistories.Run(sampler, Space, TpeSpaces.MixedValue, 30).Trials;

        var samples = Enumerable.Range(30, 40).Select(n => sampler.Sample(new SamplingContext(Space, StudyDirection.Maximize, history, n))).ToList();

        Assert.All(samples, s => Assert.Empty(Space.CheckAssignment(s)));
    }
}
