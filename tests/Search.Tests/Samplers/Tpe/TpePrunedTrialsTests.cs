using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Tpe;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpePrunedTrialsTests
{
    [Fact]
    public void Split_RanksPrunedTrials_AfterCompleteOnes_ByStepReachedThenValue()
    {
        FrozenTrial[] trials =
        [
            Pruned(0, (0, 0.1), (3, 5.0)),
            Complete(1, 9.0),
            Pruned(2, (3, 1.0)),
            Pruned(3),
            Pruned(4, (5, double.NaN)),
            Pruned(5, (1, -100.0)),
            Pruned(6, (5, 7.0)),
            Complete(7, 3.0),
        ];

        // Pruned order: 6 (step 5, 7.0), 4 (step 5, NaN), 2 (step 3, 1.0), 0 (step 3, 5.0), 5 (step 1), 3 (no reports).
        Assert.Equal([false, true, false, false, true, false, true, true], TpeSplit.Below(trials, StudyDirection.Minimize, 4));
        Assert.Equal([false, true, true, false, true, false, true, true], TpeSplit.Below(trials, StudyDirection.Minimize, 5));
        Assert.Equal([true, true, true, false, true, true, true, true], TpeSplit.Below(trials, StudyDirection.Minimize, 7));
        Assert.Equal([false, true, false, false, false, false, false, true], TpeSplit.Below(trials, StudyDirection.Minimize, 2));
    }

    [Fact]
    public void Split_PrefersLargerReportedValues_WhenMaximizing()
    {
        FrozenTrial[] trials = [Pruned(0, (2, 1.0)), Pruned(1, (2, 8.0)), Complete(2, 1.0), Complete(3, 2.0)];

        Assert.Equal([false, false, false, true], TpeSplit.Below(trials, StudyDirection.Maximize, 1));
        Assert.Equal([false, true, true, true], TpeSplit.Below(trials, StudyDirection.Maximize, 3));
    }

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Sample_FollowsThePrunedTrialsBestReports_WhenNoTrialCompleted(string mode)
    {
        var space = SearchSpace.Create([new("x", new FloatDistribution(0, 10))]);
        var history = Enumerable.Range(0, 40)
            .Select(n => (double)new RandomSampler(n).Sample(new SamplingContext(space, StudyDirection.Minimize, [], n))["x"])
            .Select((x, n) => new FrozenTrial(n, TrialState.Pruned, new Dictionary<string, object> { ["x"] = x }, new Dictionary<int, double> { [0] = 50, [2] = (x - 8) * (x - 8) }, null))
            .ToList();
        var sampler = new TpeSampler(2, TpeModes.Options(mode));

        var xs = Enumerable.Range(40, 60).Select(n => (double)sampler.Sample(new SamplingContext(space, StudyDirection.Minimize, history, n))["x"]).Order().ToList();

        Assert.InRange(xs[30], 7, 9);
    }

    private static FrozenTrial Complete(int number, double value) =>
        new(number, TrialState.Complete, new Dictionary<string, object>(), new Dictionary<int, double>(), value);

    private static FrozenTrial Pruned(int number, params (int Step, double Value)[] reports) =>
        new(number, TrialState.Pruned, new Dictionary<string, object>(), reports.ToDictionary(r => r.Step, r => r.Value), null);
}
