using Tuner.Core.Model;

namespace Tuner.Core.Trials;

/// <summary>
/// The trial state machine: every transition a trial can take, the run outcome it writes and what it counts, in one
/// table. The C# paths (finishing, handing back, requeueing after a lost worker) change trials only through
/// <see cref="Apply"/>; the lease SQL (<c>TrialLeases</c>: a lease taken, or taken over from a silent worker) does the
/// same in one statement, and tests check it against this table.
/// </summary>
public static class TrialLifecycle
{
    private static readonly TrialStatus[] Waiting = [TrialStatus.Waiting];
    private static readonly TrialStatus[] Running = [TrialStatus.Running];

    /// <summary>Every transition, one per event.</summary>
    public static IReadOnlyList<TrialTransition> Transitions { get; } =
    [
        new(TrialEvent.Leased, Waiting, TrialStatus.Running, RunEnds: null),
        new(TrialEvent.Started, Running, TrialStatus.Running, RunEnds: null,
            LimitedBy: TrialCounter.LostRuns, AtLimit: TrialStatus.Failed),
        new(TrialEvent.Completed, Running, TrialStatus.Complete, TrialRunOutcome.Completed),
        new(TrialEvent.Pruned, Running, TrialStatus.Pruned, TrialRunOutcome.Pruned),
        new(TrialEvent.Cancelled, Running, TrialStatus.Cancelled, TrialRunOutcome.Cancelled),
        new(TrialEvent.Withdrawn, Waiting, TrialStatus.Cancelled, RunEnds: null),
        new(TrialEvent.Preempted, Running, TrialStatus.Waiting, TrialRunOutcome.Preempted, Counts: TrialCounter.Preemptions),
        new(TrialEvent.Interrupted, Running, TrialStatus.Waiting, TrialRunOutcome.Interrupted),
        new(TrialEvent.Failed, Running, TrialStatus.Waiting, TrialRunOutcome.Failed,
            Counts: TrialCounter.Attempts, LimitedBy: TrialCounter.Attempts, AtLimit: TrialStatus.Failed),
        new(TrialEvent.WorkerLost, Running, TrialStatus.Waiting, TrialRunOutcome.Lost,
            Counts: TrialCounter.LostRuns, LimitedBy: TrialCounter.LostRuns, AtLimit: TrialStatus.Failed),
        new(TrialEvent.MachineGone, Running, TrialStatus.Waiting, TrialRunOutcome.Lost, Counts: TrialCounter.Preemptions),
    ];

    /// <summary>The transition of <paramref name="trialEvent"/>.</summary>
    public static TrialTransition Of(TrialEvent trialEvent) => Transitions.Single(t => t.Event == trialEvent);

    /// <summary>
    /// Applies <paramref name="trialEvent"/> to the trial: raises its counter, picks the state (the limit's when the
    /// counter has reached it), stamps a final state's time and error, and releases the lease when it stops running.
    /// Returns how the current run ends, for the caller to write with <see cref="EndRun"/>.
    /// </summary>
    /// <param name="reason">The error of a failure or a cancellation; for a lost worker, what ended its last lost run.</param>
    /// <exception cref="TrialTransitionException">The event cannot happen in the trial's state.</exception>
    public static TrialStep Apply(Trial trial, TrialEvent trialEvent, TrialLimits limits, DateTimeOffset now, string? reason = null)
    {
        var transition = Of(trialEvent);
        var from = trial.Status;
        if (!transition.From.Contains(from))
        {
            throw new TrialTransitionException(trial.Id, trialEvent, from);
        }

        Raise(trial, transition.Counts);
        var atLimit = limits.For(transition.LimitedBy) is { } limit && Count(trial, transition.LimitedBy) >= limit;
        var to = atLimit ? transition.AtLimit ?? transition.To : transition.To;
        trial.Status = to;
        if (IsFinal(to))
        {
            trial.FinishedAt = now;
            trial.Error = atLimit && transition.LimitedBy == TrialCounter.LostRuns ? LostRunReasons.Limit(trial.LostRuns, reason) : reason;
        }
        else if (trialEvent == TrialEvent.Failed)
        {
            trial.Error = reason;
        }

        if (from == TrialStatus.Running && to != TrialStatus.Running)
        {
            trial.LeaseOwner = null;
            trial.LeaseExpiresAt = null;
        }

        return new TrialStep(trialEvent, from, to, transition.RunEnds);
    }

    /// <summary>Ends a run the way a step says (or a lost worker's run the way the reconciler found it).</summary>
    public static void EndRun(TrialRun run, TrialRunOutcome outcome, DateTimeOffset now, string? reason = null)
    {
        run.Outcome = outcome;
        run.EndedAt = now;
        run.EndReason = reason;
    }

    /// <summary>Complete, pruned, failed or cancelled: no transition leaves it.</summary>
    public static bool IsFinal(TrialStatus status) => status is not (TrialStatus.Waiting or TrialStatus.Running);

    /// <summary>The value of <paramref name="counter"/> on the trial.</summary>
    public static int Count(Trial trial, TrialCounter counter) => counter switch
    {
        TrialCounter.Attempts => trial.Attempts,
        TrialCounter.Preemptions => trial.Preemptions,
        TrialCounter.LostRuns => trial.LostRuns,
        _ => 0,
    };

    private static void Raise(Trial trial, TrialCounter counter)
    {
        switch (counter)
        {
            case TrialCounter.Attempts: trial.Attempts++; break;
            case TrialCounter.Preemptions: trial.Preemptions++; break;
            case TrialCounter.LostRuns: trial.LostRuns++; break;
        }
    }
}
