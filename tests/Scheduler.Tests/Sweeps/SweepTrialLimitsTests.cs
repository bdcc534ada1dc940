using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

/// <summary>Changing budget.max_trials: raising it continues a completed sweep where it stopped; it never goes below
/// the trials a sweep has; a cancelled sweep stays as it is.</summary>
[Collection("postgres")]
public sealed class SweepTrialLimitsTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Raising_ContinuesACompletedSweep_WithNewTrialsNumberedOn()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "limits_raise");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2));
        await CompleteAllAsync(harness, sweepId);
        await harness.OrchestrateAsync(sweepId);
        Assert.Equal(SweepState.Completed, (await harness.SweepAsync(sweepId)).State);

        var change = await harness.Get<SweepTrialLimits>().SetLimitAsync(sweepId, 4, CancellationToken.None);
        await harness.OrchestrateAsync(sweepId);

        Assert.Equal(new TrialLimitChange(SweepState.Running, true), change);
        var sweep = await harness.SweepAsync(sweepId);
        Assert.Equal((SweepState.Running, 4, null, (DateTimeOffset?)null), (sweep.State, sweep.MaxTrials, sweep.StopReason, sweep.FinishedAt));
        Assert.Equal([0, 1, 2, 3], (await harness.TrialsAsync(sweepId)).Select(t => t.Number));
        await using var db = await harness.DbAsync();
        var changed = await db.SweepEvents.AsNoTracking().SingleAsync(e => e.SweepId == sweepId && e.Kind == SweepEventKinds.MaxTrialsChanged);
        Assert.Equal("max_trials changed from 2 to 4: the completed sweep continues where it stopped", changed.Message);

        await CompleteAllAsync(harness, sweepId);
        await harness.OrchestrateAsync(sweepId);
        Assert.Equal(SweepState.Completed, (await harness.SweepAsync(sweepId)).State);
    }

    [Fact]
    public async Task Lowering_BelowTheTrialsTheSweepHas_IsRefused_AndACancelledSweepIsLeftAlone()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "limits_refuse");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 2));
        var limits = harness.Get<SweepTrialLimits>();

        var below = await limits.SetLimitAsync(sweepId, 1, CancellationToken.None);
        var down = await limits.SetLimitAsync(sweepId, 2, CancellationToken.None);
        await using (var db = await harness.DbAsync())
        {
            await db.Sweeps.Where(s => s.Id == sweepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SweepState.Cancelled));
        }

        var cancelled = await limits.SetLimitAsync(sweepId, 10, CancellationToken.None);

        Assert.Equal(new TrialLimitChange(SweepState.Running, false, $"max_trials cannot be below the 2 trials sweep {sweepId} already has, but got 1"), below);
        Assert.Equal(new TrialLimitChange(SweepState.Running, true), down);
        Assert.Equal(new TrialLimitChange(SweepState.Cancelled, false), cancelled);
        Assert.Equal(2, (await harness.SweepAsync(sweepId)).MaxTrials);
        Assert.Null(await limits.SetLimitAsync(sweepId + 1000, 10, CancellationToken.None));
    }

    private static async Task CompleteAllAsync(SchedulerHarness harness, long sweepId)
    {
        await using var db = await harness.DbAsync();
        await db.Trials.Where(t => t.SweepId == sweepId && t.Status != TrialStatus.Complete)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TrialStatus.Complete).SetProperty(t => t.Value, 0.5));
    }
}
