using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Gp;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Gp;

public class GpSamplerDeterminismTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new("x1", new FloatDistribution(-5, 10)),
        new("x2", new FloatDistribution(0, 15)),
        new("kind", new CategoricalDistribution(["a", "b", "c"])),
    ]);

    private static readonly FrozenTrial[] History = Enumerable.Range(0, 12)
        .Select(i => GpStudies.Complete(i, GpStudies.Branin(-5 + 1.25 * i, 15 - 1.1 * i) + (i % 3), ("x1", -5 + 1.25 * i), ("x2", 15 - 1.1 * i), ("kind", "abc"[i % 3].ToString())))
        .ToArray();

    private static IReadOnlyDictionary<string, object> Ask(int seed, IReadOnlyList<FrozenTrial> history, int number) =>
        new GpSampler(seed, GpStudies.Fast).Sample(new SamplingContext(Space, StudyDirection.Minimize, history, number));

    [Fact]
    public void Sample_ReturnsSameParams_WhenSeedAndHistoryMatch() =>
        Assert.Equal(Ask(42, History, 12), Ask(42, History.ToList(), 12));

    [Fact]
    public void Sample_ReturnsDifferentParams_ForDifferentHistories()
    {
        var changed = History.Select(t => t with { Value = -t.Value }).ToList();
        Assert.NotEqual(Ask(42, History, 12), Ask(42, changed, 12));
    }

    [Fact]
    public void Sample_AvoidsAPendingTrial_AtItsOwnSuggestion()
    {
        var first = Ask(42, History, 12);
        var pending = new FrozenTrial(12, TrialState.Running, first, new Dictionary<int, double>(), null);

        var second = Ask(42, [.. History, pending], 12);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Sample_IgnoresPrunedAndFailedTrials()
    {
        var pruned = new FrozenTrial(12, TrialState.Pruned, History[0].Params, new Dictionary<int, double> { [3] = -100 }, -100);
        var failed = new FrozenTrial(13, TrialState.Failed, History[1].Params, new Dictionary<int, double>(), null);
        Assert.Equal(Ask(42, History, 14), Ask(42, [.. History, pruned, failed], 14));
    }
}
