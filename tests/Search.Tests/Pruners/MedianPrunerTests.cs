using Tuner.Search.Pruners;

namespace Tuner.Search.Tests.Pruners;

/// <summary>The cases of Optuna's tests/pruners_tests/test_median.py.</summary>
public class MedianPrunerTests
{
    private static bool Prune(IPruner pruner, FrozenTrial trial, StudyDirection direction, params FrozenTrial[] others) =>
        pruner.ShouldPrune(new PruningContext(direction, [.. others, trial], trial));

    [Fact]
    public void ShouldPrune_IsFalse_ForTheFirstTrial()
    {
        Assert.False(Prune(new MedianPruner(0, 0), Trials.Running(0, (1, 1)), StudyDirection.Minimize));
    }

    [Theory]
    [InlineData(StudyDirection.Minimize, 2.0)]
    [InlineData(StudyDirection.Maximize, 0.5)]
    public void ShouldPrune_IsTrue_WhenWorseThanMedian(StudyDirection direction, double value)
    {
        var pruner = new MedianPruner(0, 0);
        var completed = Trials.Complete(0, (1, 1));

        Assert.False(Prune(pruner, Trials.Running(1), direction, completed));
        Assert.True(Prune(pruner, Trials.Running(1, (1, value)), direction, completed));
    }

    [Theory]
    [InlineData(StudyDirection.Minimize, 0.5)]
    [InlineData(StudyDirection.Maximize, 2.0)]
    [InlineData(StudyDirection.Minimize, 1.0)]
    public void ShouldPrune_IsFalse_WhenNotWorseThanMedian(StudyDirection direction, double value)
    {
        Assert.False(Prune(new MedianPruner(0, 0), Trials.Running(1, (1, value)), direction, Trials.Complete(0, (1, 1))));
    }

    [Fact]
    public void ShouldPrune_HandlesNaN_LikeOptuna()
    {
        var pruner = new MedianPruner(0, 0);

        // No previous trials: nothing to compare with.
        Assert.False(Prune(pruner, Trials.Running(0, (1, double.NaN)), StudyDirection.Minimize));

        // The trial's best value is NaN: prune.
        var nanTrial = Trials.Complete(0, (1, double.NaN));
        Assert.True(Prune(pruner, Trials.Running(1, (1, double.NaN)), StudyDirection.Minimize, nanTrial));

        // The median of the others is NaN: do not prune.
        Assert.False(Prune(pruner, Trials.Running(2, (1, 1)), StudyDirection.Minimize, nanTrial, Trials.Complete(1, (1, double.NaN))));
    }

    [Fact]
    public void ShouldPrune_UsesBestValueOverSteps_IgnoringNaN()
    {
        var completed = Trials.Complete(0, (0, 1), (1, 1));
        var trial = Trials.Running(1, (0, 0.5), (1, double.NaN));
        Assert.False(Prune(new MedianPruner(0, 0), trial, StudyDirection.Minimize, completed));
    }

    [Fact]
    public void ShouldPrune_WaitsForStartupTrials()
    {
        var pruner = new MedianPruner(2, 0);
        var first = Trials.Complete(0, (1, 1));

        Assert.False(Prune(pruner, Trials.Running(1, (1, 2)), StudyDirection.Minimize, first));
        Assert.True(Prune(pruner, Trials.Running(2, (1, 3)), StudyDirection.Minimize, first, Trials.Complete(1, (1, 2))));
    }

    [Fact]
    public void ShouldPrune_CountsOnlyCompleteTrials_AsStartupTrials()
    {
        var pruner = new MedianPruner(2, 0);
        var pruned = Trials.Make(1, TrialState.Pruned, (1, 0));
        var running = Trials.Running(2, (1, 0));
        Assert.False(Prune(pruner, Trials.Running(3, (1, 3)), StudyDirection.Minimize, Trials.Complete(0, (1, 1)), pruned, running));
    }

    [Fact]
    public void ShouldPrune_WaitsForWarmupSteps()
    {
        var pruner = new MedianPruner(0, 1);
        var completed = Trials.Complete(0, (0, 1), (1, 1));

        Assert.False(Prune(pruner, Trials.Running(1, (0, 2)), StudyDirection.Minimize, completed));
        Assert.True(Prune(pruner, Trials.Running(1, (0, 2), (1, 2)), StudyDirection.Minimize, completed));
    }

    [Theory]
    [InlineData(0, 1, 1, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(1, 1, 1, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(1, 2, 1, new[] { 1, 3, 5 })]
    [InlineData(0, 3, 10, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28 })]
    [InlineData(2, 3, 10, new[] { 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28 })]
    [InlineData(0, 10, 3, new[] { 0, 1, 2, 12, 13, 14, 21, 22, 23 })]
    [InlineData(2, 10, 3, new[] { 3, 4, 5, 12, 13, 14, 24, 25, 26 })]
    public void ShouldPrune_ChecksOncePerInterval_AtTheFirstReportedStep(int warmupSteps, int intervalSteps, int reportEvery, int[] expected)
    {
        var pruner = new MedianPruner(0, warmupSteps, intervalSteps);
        var lastStep = expected.Max() + 1;
        var completed = Trials.Complete(0, Enumerable.Range(0, lastStep).Select(s => (s, 0.0)).ToArray());

        var reported = new List<(int, double)>();
        var pruned = new List<int>();
        for (var i = 0; i < lastStep; i++)
        {
            if (i % reportEvery == 0)
            {
                reported.Add((i, 2.0));
            }

            if (Prune(pruner, Trials.Running(1, [.. reported]), StudyDirection.Minimize, completed))
            {
                pruned.Add(i);
            }
        }

        Assert.Equal(expected, pruned);
    }

    [Fact]
    public void ShouldPrune_WaitsForMinTrials_ValuesAtTheStep()
    {
        var pruner = new MedianPruner(2, 0, 1, minTrials: 2);
        var first = Trials.Complete(0, (1, 4), (2, 2));
        var second = Trials.Complete(1, (1, 3));

        Assert.False(Prune(pruner, Trials.Running(2, (1, 4), (2, 3)), StudyDirection.Minimize, first, second));

        var third = Trials.Complete(2, (1, 4), (2, 3));
        Assert.True(Prune(pruner, Trials.Running(3, (1, 4), (2, 3)), StudyDirection.Minimize, first, second, third));
    }

    [Fact]
    public void ShouldPrune_IgnoresTheJudgedTrial_WhenItIsInTrials()
    {
        var trial = Trials.Complete(1, (1, 5));
        Assert.False(new MedianPruner(1, 0).ShouldPrune(new PruningContext(StudyDirection.Minimize, [trial], trial)));
    }

    [Fact]
    public void Percentile_IsFifty()
    {
        Assert.Equal(50, new MedianPruner().Percentile);
        Assert.Equal(5, new MedianPruner().StartupTrials);
    }
}
