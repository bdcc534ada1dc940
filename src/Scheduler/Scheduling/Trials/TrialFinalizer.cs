using Tuner.Scheduling.Checkpoints;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Core.Trials;
using Tuner.Persistence.Leases;
using Tuner.Scheduling.Events;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Ends a run of a trial under its lease: complete, handed back after preemption or a fault, failed or cancelled.
/// <see cref="TrialLifecycle"/> decides the trial's state, the run's outcome and what is counted; a trial handed back
/// is enqueued again to resume from its checkpoint, and a preemption or fault that handed it back is a sweep event.
/// </summary>
public sealed class TrialFinalizer(FencedTransaction fenced, CheckpointJanitor janitor, IJobQueue queue, TimeProvider clock)
{
    public Task CompleteAsync(TrialContext context, CancellationToken ct) => EndAsync(context, TrialEvent.Completed, ct);

    /// <summary>The sweep stopped while the trial ran: Cancelled, with the sweep's reason (cancelled by request, deadline reached).</summary>
    public Task CancelAsync(TrialContext context, CancellationToken ct) => EndAsync(context, TrialEvent.Cancelled, ct);

    /// <summary>Preempted (SIGTERM, a spot notice): back to the queue to resume from its checkpoint; not a failure.</summary>
    /// <param name="reason">The notice, recorded on the run: "EC2 spot instance-action terminate at ...".</param>
    public Task PreemptAsync(TrialContext context, string reason, CancellationToken ct) =>
        EndAsync(context, TrialEvent.Preempted, ct, runReason: reason);

    /// <summary>
    /// An infrastructure fault stopped the run (the database dropped the connection of a report): back to the queue
    /// to resume from its checkpoint. Neither a failed attempt nor a lost run: the trial did nothing wrong.
    /// </summary>
    /// <param name="reason">The fault, recorded on the run: "database unavailable: ...".</param>
    public Task InterruptAsync(TrialContext context, string reason, CancellationToken ct) =>
        EndAsync(context, TrialEvent.Interrupted, ct, runReason: reason);

    /// <summary>Training threw: retry while attempts are left, else Failed with the error.</summary>
    public Task FailAsync(TrialContext context, string error, CancellationToken ct) =>
        EndAsync(context, TrialEvent.Failed, ct, error: error);

    private async Task EndAsync(TrialContext context, TrialEvent trialEvent, CancellationToken ct, string? error = null, string? runReason = null)
    {
        TrialStep? step = null;
        var doomed = await fenced.RunAsync(context.Lease, async (db, trial) =>
        {
            if (trialEvent == TrialEvent.Cancelled)
            {
                error = StopReasons.ForTrial(await db.Sweeps.Where(s => s.Id == trial.SweepId).Select(s => s.StopReason).SingleAsync(ct));
            }

            step = TrialLifecycle.Apply(trial, trialEvent, context.Plan.TrialLimits, clock.GetUtcNow(), error);
            if (step.RunEnds is { } outcome)
            {
                await TrialRunRecords.EndAsync(db, context.RunId, outcome, clock, ct, runReason);
            }

            // A failed attempt with retries left is handed back too, but its error is the trial's, not an event.
            if (step.HandedBack && trialEvent is TrialEvent.Preempted or TrialEvent.Interrupted)
            {
                SweepEvents.Add(db, trial.SweepId, trial.Id, SweepEventKinds.RunHandedBack,
                    RunEventMessages.HandedBack(trial.Number, trial.Id, context.Lease.Owner, runReason!), clock);
            }

            return await CheckpointRetention.ApplyAsync(db, trial, context.Plan, ct);
        }, ct);
        await janitor.DeleteAsync(doomed, ct);
        if (step!.HandedBack)
        {
            await queue.EnqueueTrialAsync(context.TrialId, ct);
        }
    }
}
