namespace Tuner.Core.Trials;

/// <summary>The per-trial counts an event can raise, each a column of the trial.</summary>
public enum TrialCounter
{
    None,

    /// <summary><c>Trial.Attempts</c>: failed runs, limited by budget.max_attempts.</summary>
    Attempts,

    /// <summary><c>Trial.Preemptions</c>: runs ended with notice or by a vanished machine; never limited.</summary>
    Preemptions,

    /// <summary><c>Trial.LostRuns</c>: runs whose worker went silent on a machine still there, limited by
    /// budget.max_lost_runs.</summary>
    LostRuns,
}
