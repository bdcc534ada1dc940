namespace Tuner.Core.Model;

/// <summary>How a run ended.</summary>
public enum TrialRunOutcome
{
    Running,
    Completed,
    Pruned,

    /// <summary>Handed back with notice (SIGTERM, a spot notice).</summary>
    Preempted,

    /// <summary>Ended without notice: the worker was killed, ran out of memory or crashed, or its machine vanished.</summary>
    Lost,
    Failed,
    Cancelled,

    /// <summary>Handed back by its worker after an infrastructure fault (database or checkpoint store unavailable).</summary>
    Interrupted,
}
