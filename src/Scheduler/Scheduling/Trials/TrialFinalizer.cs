using Tuner.Scheduling.Checkpoints;
using Tuner.Core.Model;
using Tuner.Core.Queueing;

namespace Tuner.Scheduling.Trials;

/// <summary>Ends a run of a trial under its lease: complete, handed back after preemption or a fault, failed or cancelled.</summary>
public sealed class TrialFinalizer(FencedTransaction fenced, CheckpointJanitor janitor, IJobQueue queue, TimeProvider clock)
{
    public Task CompleteAsync(TrialContext context, CancellationToken ct) =>
        EndAsync(context, TrialRunOutcome.Completed, trial => TrialTransitions.Finish(trial, TrialStatus.Complete, clock), ct);

    public Task CancelAsync(TrialContext context, CancellationToken ct) =>
        EndAsync(context, TrialRunOutcome.Cancelled, trial => TrialTransitions.Finish(trial, TrialStatus.Cancelled, clock, "sweep cancelled"), ct);

    /// <summary>Preempted (SIGTERM, a spot notice): back to the queue to resume from its checkpoint; not a failure.</summary>
    /// <param name="reason">The notice, recorded on the run: "EC2 spot instance-action terminate at ...".</param>
    public async Task PreemptAsync(TrialContext context, string reason, CancellationToken ct)
    {
        await EndAsync(context, TrialRunOutcome.Preempted, trial =>
        {
            trial.Preemptions++;
            TrialTransitions.HandBack(trial);
        }, ct, reason);
        await queue.EnqueueTrialAsync(context.TrialId, ct);
    }

    /// <summary>
    /// An infrastructure fault stopped the run (the database dropped the connection of a report): back to the queue
    /// to resume from its checkpoint. Neither a failed attempt nor a lost run: the trial did nothing wrong.
    /// </summary>
    /// <param name="reason">The fault, recorded on the run: "database unavailable: ...".</param>
    public async Task InterruptAsync(TrialContext context, string reason, CancellationToken ct)
    {
        await EndAsync(context, TrialRunOutcome.Interrupted, TrialTransitions.HandBack, ct, reason);
        await queue.EnqueueTrialAsync(context.TrialId, ct);
    }

    /// <summary>Training threw: retry while attempts are left, else Failed with the error.</summary>
    public async Task FailAsync(TrialContext context, string error, CancellationToken ct)
    {
        var retry = false;
        await EndAsync(context, TrialRunOutcome.Failed, trial =>
        {
            trial.Attempts++;
            retry = trial.Attempts < context.Plan.Definition.Budget.MaxAttempts;
            if (retry)
            {
                trial.Error = error;
                TrialTransitions.HandBack(trial);
            }
            else
            {
                TrialTransitions.Finish(trial, TrialStatus.Failed, clock, error);
            }
        }, ct);
        if (retry)
        {
            await queue.EnqueueTrialAsync(context.TrialId, ct);
        }
    }

    private async Task EndAsync(TrialContext context, TrialRunOutcome outcome, Action<Trial> change, CancellationToken ct, string? reason = null)
    {
        var doomed = await fenced.RunAsync(context.Lease, async (db, trial) =>
        {
            change(trial);
            await TrialTransitions.EndRunAsync(db, context.RunId, outcome, clock, ct, reason);
            return await CheckpointRetention.ApplyAsync(db, trial, context.Plan, ct);
        }, ct);
        await janitor.DeleteAsync(doomed, ct);
    }
}
