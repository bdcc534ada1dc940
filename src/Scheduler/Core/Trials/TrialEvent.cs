namespace Tuner.Core.Trials;

/// <summary>What can happen to a trial. <see cref="TrialLifecycle"/> says, for each, from which states it may happen,
/// the state it leads to, how the current run ends and what it counts.</summary>
public enum TrialEvent
{
    /// <summary>A worker took the lease of a waiting trial (in SQL: <c>TrialLeases.TryAcquireAsync</c>).</summary>
    Leased,

    /// <summary>A run opened under the lease; a trial that has lost its worker budget.max_lost_runs times (a takeover
    /// counted the last one) fails here instead of running.</summary>
    Started,

    /// <summary>Training ran to its last epoch.</summary>
    Completed,

    /// <summary>The pruner stopped it.</summary>
    Pruned,

    /// <summary>Its sweep was cancelled (or reached its deadline) while it ran.</summary>
    Cancelled,

    /// <summary>Its sweep stopped before it ran.</summary>
    Withdrawn,

    /// <summary>Handed back with notice (SIGTERM, a spot notice): it resumes from its checkpoint; not a failure.</summary>
    Preempted,

    /// <summary>Handed back after an infrastructure fault (database or checkpoint store unavailable): not its fault.</summary>
    Interrupted,

    /// <summary>Training threw: retried while budget.max_attempts allows, else failed.</summary>
    Failed,

    /// <summary>Its lease expired with its worker silent on a machine still there (killed, out of memory, crashed):
    /// requeued, or failed at budget.max_lost_runs since it may be what kills its workers.</summary>
    WorkerLost,

    /// <summary>Its lease expired, or was revoked, because the worker's machine is gone (Terminating or Ended): a
    /// preemption without notice, requeued.</summary>
    MachineGone,
}
