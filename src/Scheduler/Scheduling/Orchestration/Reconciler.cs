using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Scheduling.Trials;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Costs;

namespace Tuner.Scheduling.Orchestration;

/// <summary>
/// The safety net behind the event-driven path, run every few seconds by `tuner server`: requeues trials whose worker
/// died (lease expired), re-enqueues waiting trials whose Hangfire job is gone, brings the cost ledger up to now and
/// holds sweeps to their budgets, orchestrates every active sweep, finishes interrupted checkpoint deletions and marks
/// silent workers lost, moves finished sweeps' kept checkpoints to their storage class, and starts schedules' queued
/// runs whose previous run has ended.
/// </summary>
public sealed class Reconciler(
    IDbContextFactory<TunerDbContext> contexts,
    SweepOrchestrator orchestrator,
    ExpiredLeases expiredLeases,
    IJobQueue queue,
    CheckpointJanitor janitor,
    KeptCheckpointStorage keptCheckpoints,
    Schedules.ScheduleFiring schedules,
    CostLedger ledger,
    SweepBudgets budgets,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<Reconciler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync("Reconciliation", settings.ReconcileInterval, clock, logger, ReconcileAsync, stoppingToken);

    public async Task ReconcileAsync(CancellationToken ct)
    {
        await expiredLeases.RequeueAsync(ct);
        await queue.ReenqueueLostTrialsAsync(ct);
        await ledger.RecordAsync(ct);
        await budgets.CheckAsync(ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var active = await db.Sweeps.Where(s => s.State == SweepState.Running || s.State == SweepState.Paused || s.State == SweepState.Cancelling)
                .Select(s => s.Id).ToListAsync(ct);
            foreach (var sweepId in active)
            {
                await orchestrator.OrchestrateAsync(sweepId, ct);
            }

            var silentSince = clock.GetUtcNow() - settings.WorkerSilenceLimit;
            await db.Workers.Where(w => w.State == WorkerState.Active && w.LastHeartbeatAt < silentSince)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkerState.Lost), ct);
        }

        await janitor.DeletePendingAsync(ct);
        await keptCheckpoints.MoveAsync(ct);
        await schedules.StartQueuedAsync(ct);
    }
}
