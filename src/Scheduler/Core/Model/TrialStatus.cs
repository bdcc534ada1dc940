namespace Tuner.Core.Model;

/// <summary>
/// A trial's state in the database. Waiting covers "queued" and "preempted, waiting to resume";
/// the preemption count says which. Stored as text.
/// </summary>
public enum TrialStatus
{
    Waiting,
    Running,
    Complete,
    Pruned,
    Failed,
    Cancelled,
}
