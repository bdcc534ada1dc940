using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Costs;
using Tuner.TestSupport.Postgres;
using static Tuner.Scheduler.Tests.Costs.LedgerScenario;

namespace Tuner.Scheduler.Tests.Costs;

/// <summary>
/// The cost ledger on PostgreSQL against <see cref="LedgerScenario"/>, worked out by hand:
/// <code>
/// instance A ($0.18/h spot, $0.526/h on-demand), 0–1,200 s
///   0–60      start-up                   60 s   $0.003000   on-demand $0.008767
///   60–360    run 1 alone               300 s
///   360–660   runs 1 and 2 share it     150 s each
///   660–960   run 2 alone               300 s   runs 1 and 2: 450 s each, $0.022500 (on-demand $0.065750)
///   960–1,200 idle, after run 2         240 s   $0.012000   on-demand $0.035067
/// worker H ($0.40/h local), 0–450 s (its last heartbeat: estimated)
///   0–100     start-up (no sweep)       100 s   $0.011111
///   100–400   run 3                     300 s   $0.033333
///   400–450   idle, after run 3          50 s   $0.005556
/// </code>
/// </summary>
[Collection("postgres")]
public sealed class LedgerTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Ledger_AttributesEveryMachineSecond_AsWorkedOutByHand_WrittenInPieces_AcrossARestart()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "ledger_hand");
        var scenario = await CreateAsync(harness);

        scenario.Clock.SetUtcNow(At(500));
        await scenario.Ledger().RecordAsync(CancellationToken.None);
        scenario.Clock.SetUtcNow(At(900));
        await scenario.Ledger().RecordAsync(CancellationToken.None); // a new ledger: as after a restart
        await scenario.EndInstanceAsync();
        scenario.Clock.SetUtcNow(At(1_300));
        await scenario.Ledger().RecordAsync(CancellationToken.None);

        var entries = await scenario.EntriesAsync();
        var (r1, r2, r3) = (scenario.Runs[0], scenario.Runs[1], scenario.Runs[2]);
        var instance = $"instance/{scenario.Instance}";
        Assert.Equal(
            [
                (instance, CostKind.StartUp, (long?)null, 0.0, 60.0, 1, 0.003000m, (decimal?)0.008767m),
                (instance, CostKind.Training, r1, 60, 360, 1, 0.015000m, 0.043833m),
                (instance, CostKind.Training, r1, 360, 660, 2, 0.007500m, 0.021917m),
                (instance, CostKind.Training, r2, 360, 660, 2, 0.007500m, 0.021917m),
                (instance, CostKind.Training, r2, 660, 960, 1, 0.015000m, 0.043833m),
                (instance, CostKind.Idle, null, 960, 1_200, 1, 0.012000m, 0.035067m),
                ("worker/w-h", CostKind.StartUp, null, 0, 100, 1, 0.011111m, 0.011111m),
                ("worker/w-h", CostKind.Training, r3, 100, 400, 1, 0.033333m, 0.033333m),
                ("worker/w-h", CostKind.Idle, null, 400, 450, 1, 0.005556m, 0.005556m),
            ],
            entries.Select(e => (e.Machine, e.Kind, e.TrialRunId, (e.StartsAt - T0).TotalSeconds, (e.EndsAt - T0).TotalSeconds, e.Share, e.Usd, e.OnDemandUsd)));
        Assert.Equal([scenario.SweepId, scenario.SweepId, scenario.SweepId, scenario.SweepId, scenario.SweepId, scenario.SweepId, null, scenario.SweepId, scenario.SweepId],
            entries.Select(e => e.SweepId));
        Assert.Equal([false, false, false, false, false, false, false, false, true], entries.Select(e => e.Estimated));
        // Shares of a machine add up to its time: 1,200 s of instance A and 450 s of worker H.
        Assert.Equal(1_200 + 450, entries.Sum(e => e.Seconds), 6);
    }

    [Fact]
    public async Task Ledger_WritesNothingTwice_WhenPassesRunAtOnce_OrAgain_OrAfterTheMachinesEnded()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "ledger_twice");
        var scenario = await CreateAsync(harness);
        await scenario.EndInstanceAsync();
        scenario.Clock.SetUtcNow(At(1_300));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.Ledger().RecordAsync(CancellationToken.None)));
        var once = await scenario.EntriesAsync();
        await scenario.Ledger().RecordAsync(CancellationToken.None);
        scenario.Clock.SetUtcNow(At(5_000));
        await scenario.Ledger().RecordAsync(CancellationToken.None);

        var again = await scenario.EntriesAsync();
        Assert.Equal(9, once.Count);
        Assert.Equal(once.Select(e => (e.Id, e.Usd, e.EndsAt)), again.Select(e => (e.Id, e.Usd, e.EndsAt)));
        Assert.Equal(0.110000m, again.Sum(e => e.Usd));
        await using var db = await harness.DbAsync();
        Assert.All(await db.LedgerMarks.ToListAsync(), m => Assert.True(m.Closed, $"{m.Machine} is closed"));
    }

    [Fact]
    public async Task CostReport_MatchesTheHandComputedLedger()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "ledger_report");
        var scenario = await CreateAsync(harness);
        await scenario.EndInstanceAsync();
        scenario.Clock.SetUtcNow(At(1_300));
        await scenario.Ledger().RecordAsync(CancellationToken.None);
        await SetBestTrialAsync(harness, scenario.SweepId, scenario.Trials[0]);

        var cost = (await scenario.Costs().ReportAsync(scenario.SweepId, CancellationToken.None))!;

        // Run 3 was Lost at 400 s with its last checkpoint at 300 s: a third of its $0.033333 ($0.011111) is lost.
        // The hand-started worker's start-up belongs to no sweep. Storage: 1 GiB for 1,000 s of a 30-day month at
        // $0.023 = $0.000009.
        Assert.Equal(
            [
                (CostCategories.Complete, 0.022500m), (CostCategories.Pruned, 0.022500m), (CostCategories.Failed, 0m), (CostCategories.Cancelled, 0m),
                (CostCategories.InProgress, 0.022222m), (CostCategories.LostToPreemption, 0.011111m), (CostCategories.StartUp, 0.003000m),
                (CostCategories.Idle, 0.017556m),
            ],
            cost.Lines.Select(l => (l.Category, l.Usd)));
        Assert.Equal(0.098889m, cost.ComputeUsd);
        Assert.Equal(0.000009m, cost.Storage.Usd);
        // Uncompressed, the quarter GiB more would have cost $0.000002 (0.25 × 1,000 s / 2,592,000 s × $0.023).
        Assert.Equal(0.000002m, cost.Storage.SavedByCompressionUsd);
        Assert.Equal(0.098898m, cost.SpentUsd);
        // Trial 1 was pruned at epoch 2 of 3 for $0.0225: one epoch at $0.01125 saved.
        Assert.Equal((0.011250m, 1), (cost.SavedByPruningUsd, cost.EpochsNotRun));
        // On-demand $0.175334 for instance A's $0.06; worker H's local seconds cost the same either way.
        Assert.Equal(0.115334m, cost.SavedBySpotUsd);
        Assert.Equal(1_200, cost.SpotSeconds, 6);
        // Until trial 0 finished at 660 s: start-up $0.003, run 1's $0.0225, run 2's share from 360 s ($0.0075) and run 3
        // with the idle seconds after it ($0.033333 + $0.005556): $0.071889.
        Assert.Equal(0.071889m, cost.UsdToBest);
        Assert.Equal([(0, 0.022500m, 3, (decimal?)0.007500m), (1, 0.022500m, 2, 0.011250m), (2, 0.033333m, 1, 0.033333m), (3, 0m, 0, null)],
            cost.Trials.Select(t => (t.Number, t.Usd, t.Epochs, t.UsdPerEpoch)));
        Assert.True(cost.Estimated);
    }

    private static async Task SetBestTrialAsync(SchedulerHarness harness, long sweepId, long trialId)
    {
        await using var db = await harness.DbAsync();
        await db.Sweeps.Where(s => s.Id == sweepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BestTrialId, trialId));
    }
}
