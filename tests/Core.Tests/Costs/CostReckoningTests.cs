using Tuner.Core.Costs;
using Tuner.Core.Model;

namespace Tuner.Core.Tests.Costs;

/// <summary>The cost report's arithmetic against figures worked out by hand.</summary>
public sealed class CostReckoningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly StorageCost NoStorage = StorageCost.None;

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static CostInputs Inputs(IReadOnlyList<RunCost> runs, IReadOnlyList<TrialFacts> trials, IReadOnlyList<OverheadCost>? overheads = null,
        int maxTrials = 4, int maxEpochs = 10, bool finished = false, decimal? max = null) =>
        new(maxTrials, maxEpochs, finished, max, runs, trials, overheads ?? [], NoStorage, null, null, ["test prices"], false, false);

    [Fact]
    public void Build_SplitsSpendingByOutcome_AndTheLinesAddUpToTheTotal()
    {
        // Trial 1 complete ($3.00), trial 2 pruned ($1.00), trial 3 failed ($0.50); $0.40 start-up, $0.10 idle.
        var cost = CostReckoning.Build(Inputs(
            [
                new RunCost(1, 1, TrialRunOutcome.Completed, At(0), At(300), At(300), 300, 3.00m, 3.00m),
                new RunCost(2, 2, TrialRunOutcome.Pruned, At(0), At(100), At(100), 100, 1.00m, 1.00m),
                new RunCost(3, 3, TrialRunOutcome.Failed, At(100), At(150), null, 50, 0.50m, 0.50m),
            ],
            [new TrialFacts(1, 0, TrialStatus.Complete, 10), new TrialFacts(2, 1, TrialStatus.Pruned, 2), new TrialFacts(3, 2, TrialStatus.Failed, 1)],
            [new OverheadCost(CostKind.StartUp, 40, 0.40m, 0.40m), new OverheadCost(CostKind.Idle, 10, 0.10m, 0.10m)]));

        Assert.Equal(5.00m, cost.SpentUsd);
        Assert.Equal(
            [(CostCategories.Complete, 3.00m), (CostCategories.Pruned, 1.00m), (CostCategories.Failed, 0.50m), (CostCategories.Cancelled, 0m),
             (CostCategories.InProgress, 0m), (CostCategories.LostToPreemption, 0m), (CostCategories.StartUp, 0.40m), (CostCategories.Idle, 0.10m)],
            cost.Lines.Select(l => (l.Category, l.Usd)));
        Assert.Equal(500, cost.ComputeSeconds, 9);
    }

    [Fact]
    public void Build_CountsWorkAfterTheLastCheckpointOfAPreemptedRun_AsLostToPreemption()
    {
        // Run 1 (100 s, $1.00) was preempted at 100 s; its last checkpoint was at 60 s: 40 % of it ($0.40) is done again.
        // Run 2 resumed and completed ($1.50). A run with notice that checkpointed as it stopped loses nothing.
        var cost = CostReckoning.Build(Inputs(
            [
                new RunCost(1, 1, TrialRunOutcome.Lost, At(0), At(100), At(60), 100, 1.00m, 1.00m),
                new RunCost(2, 1, TrialRunOutcome.Completed, At(110), At(260), At(260), 150, 1.50m, 1.50m),
                new RunCost(3, 2, TrialRunOutcome.Preempted, At(0), At(50), At(50), 50, 0.50m, 0.50m),
            ],
            [new TrialFacts(1, 0, TrialStatus.Complete, 10), new TrialFacts(2, 1, TrialStatus.Waiting, 3)]));

        Assert.Equal(0.40m, cost.Lines.Single(l => l.Category == CostCategories.LostToPreemption).Usd);
        Assert.Equal(40, cost.Lines.Single(l => l.Category == CostCategories.LostToPreemption).Seconds, 9);
        Assert.Equal(2.10m, cost.Lines.Single(l => l.Category == CostCategories.Complete).Usd);
        Assert.Equal(0.50m, cost.Lines.Single(l => l.Category == CostCategories.InProgress).Usd);
        Assert.Equal(3.00m, cost.SpentUsd);
    }

    [Fact]
    public void Build_PricesWhatPruningSaved_AtEachPrunedTrialsOwnCostPerEpoch()
    {
        // max_epochs 10. Trial A pruned at epoch 2 for $0.60 ($0.30/epoch): 8 epochs saved, $2.40.
        // Trial B pruned at epoch 5 for $2.00 ($0.40/epoch): 5 epochs saved, $2.00. In all 13 epochs, $4.40.
        var cost = CostReckoning.Build(Inputs(
            [
                new RunCost(1, 1, TrialRunOutcome.Pruned, At(0), At(60), null, 60, 0.60m, 0.60m),
                new RunCost(2, 2, TrialRunOutcome.Pruned, At(0), At(200), null, 200, 2.00m, 2.00m),
            ],
            [new TrialFacts(1, 0, TrialStatus.Pruned, 2), new TrialFacts(2, 1, TrialStatus.Pruned, 5)]));

        Assert.Equal((4.40m, 13), (cost.SavedByPruningUsd, cost.EpochsNotRun));
        Assert.Equal([0.30m, 0.40m], cost.Trials.Select(t => t.UsdPerEpoch));
    }

    [Fact]
    public void Build_CountsWhatSpotSaved_OverTheSameSecondsOnDemand()
    {
        // A spot run paid $0.30 for what costs $1.00 on-demand; an on-demand start-up paid its full $0.20.
        var cost = CostReckoning.Build(Inputs(
            [new RunCost(1, 1, TrialRunOutcome.Completed, At(0), At(60), null, 60, 0.30m, 1.00m)],
            [new TrialFacts(1, 0, TrialStatus.Complete, 10)],
            [new OverheadCost(CostKind.StartUp, 12, 0.20m, 0.20m)]) with { SpotSeconds = 60 });

        Assert.Equal(0.70m, cost.SavedBySpotUsd);
        Assert.Equal(1 - 0.50 / 1.20, cost.SpotDiscount!.Value, 9);
        Assert.Equal(60, cost.SpotSeconds);
    }

    [Fact]
    public void Build_ProjectsTheCostToFinish_CountingTrialsInProgressByTheEpochsTheyReached()
    {
        // 8 trials of 10 epochs; 2 finished, 1 halfway (5 of 10), 1 waiting: 2.5 trials' worth done for $5.00, so 8 cost
        // $16.00 and $11.00 remain. The budget of $20.00 is 25 % used.
        var cost = CostReckoning.Build(Inputs(
            [new RunCost(1, 1, TrialRunOutcome.Completed, At(0), At(100), null, 100, 5.00m, 5.00m)],
            [
                new TrialFacts(1, 0, TrialStatus.Complete, 10), new TrialFacts(2, 1, TrialStatus.Pruned, 3),
                new TrialFacts(3, 2, TrialStatus.Running, 5), new TrialFacts(4, 3, TrialStatus.Waiting, 0),
            ],
            maxTrials: 8, max: 20m));

        Assert.Equal((16.00m, 11.00m), (cost.ProjectedTotalUsd!.Value, cost.ToFinishUsd!.Value));
        Assert.Equal(0.25, cost.BudgetUsed!.Value, 9);
    }

    [Fact]
    public void Build_ProjectsNothingMore_ForAFinishedSweep_AndNothingAtAll_BeforeAnyWork()
    {
        var finished = CostReckoning.Build(Inputs([], [new TrialFacts(1, 0, TrialStatus.Cancelled, 0)], finished: true));
        var fresh = CostReckoning.Build(Inputs([], [new TrialFacts(1, 0, TrialStatus.Waiting, 0)]));

        Assert.Equal((0m, 0m), (finished.ProjectedTotalUsd!.Value, finished.ToFinishUsd!.Value));
        Assert.Null(fresh.ProjectedTotalUsd);
        Assert.Null(fresh.ToFinishUsd);
    }
}
