using Tuner.Search.Pruners;
using Tuner.Search.Pruners.SuccessiveHalving;

namespace Tuner.Search.Tests.Pruners.SuccessiveHalving;

/// <summary>Asynchronous use: trials at different steps, reports arriving out of order, repeated questions.</summary>
public class SuccessiveHalvingAsyncTests
{
    private static readonly SuccessiveHalvingPruner Pruner = new(1, 2, 0);

    private static bool Prune(FrozenTrial trial, params FrozenTrial[] others) =>
        Pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [.. others, trial], trial));

    private static FrozenTrial Steps(int number, int lastStep, double value, TrialState state = TrialState.Running) =>
        Trials.Make(number, state, [.. Enumerable.Range(0, lastStep + 1).Select(s => (s, value))]);

    [Fact]
    public void ShouldPrune_ComparesOnlyWithTrialsThatReachedTheRung()
    {
        var far = Steps(0, 8, 1.0);
        var near = Steps(1, 1, 0.5);

        Assert.True(Prune(Steps(2, 1, 0.8), far, near));   // rung 0 (step 1): [1.0, 0.5, 0.8], only the best goes on.
        Assert.False(Prune(Steps(3, 4, 0.9), far, near));  // rung 2 (step 4): near has not reached it; 0.9 beats 1.0.
    }

    [Fact]
    public void ShouldPrune_NeverTakesBackAPromotion_WhenBetterTrialsArriveLater()
    {
        var early = Steps(0, 2, 1.0);
        var laterBetter = Steps(1, 4, 0.1);

        Assert.False(Prune(early));
        Assert.False(Prune(Steps(0, 3, 1.0), laterBetter)); // rungs at steps 1 and 2 were passed; none completes at step 3.
        Assert.True(Prune(Steps(0, 4, 1.0), laterBetter));  // rung 2 completes at step 4, where 1.0 loses to 0.1.
    }

    [Fact]
    public void ShouldPrune_UsesEachTrialsFirstValueAtOrAfterTheRungStep_WhatEverOrderTheyArrivedIn()
    {
        var sparse = Trials.Make(0, TrialState.Running, (9, 0.3), (0, 0.1), (5, 0.2));
        var trial = Trials.Running(1, (2, 0.25), (0, 0.0), (1, 0.0));

        // Rung 1 (step 2): sparse competes with its value at step 5, 0.2, which beats 0.25.
        Assert.True(Prune(trial, sparse));
        Assert.False(Prune(Trials.Running(1, (2, 0.15), (1, 0.0), (0, 0.0)), sparse));
    }

    [Fact]
    public void ShouldPrune_GivesTheSameAnswer_WhenAskedTwice_OrWithTrialsInAnotherOrder()
    {
        var others = Enumerable.Range(0, 12).Select(n => Steps(n, 1 + (n % 5), 0.1 * ((n * 7) % 12))).ToArray();
        for (var value = 0.0; value < 1.2; value += 0.05)
        {
            var trial = Steps(20, 4, value);
            var forward = Prune(trial, others);
            Assert.Equal(forward, Prune(trial, others));
            Assert.Equal(forward, Prune(trial, [.. others.Reverse()]));
        }
    }

    [Fact]
    public void ShouldPrune_IgnoresNaNValuesOfOtherTrials()
    {
        var nan = Steps(0, 1, double.NaN, TrialState.Pruned);
        Assert.False(Prune(Steps(1, 1, 5.0), nan));
    }

    [Fact]
    public void ShouldPrune_PromotesTheTopQuarter_WhenManyTrialsCompletedTheRung()
    {
        var pruner = new SuccessiveHalvingPruner(1, 4, 0);
        var others = Enumerable.Range(0, 7).Select(n => Steps(n, 1, n + 1.0, TrialState.Complete)).ToArray();

        bool PruneValue(double value) => pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [.. others, Steps(7, 1, value)], Steps(7, 1, value)));

        Assert.False(PruneValue(2.0)); // 8 values, index 8/4 - 1 = 1: the second best (2.0) is promotable.
        Assert.True(PruneValue(2.5));
    }
}
