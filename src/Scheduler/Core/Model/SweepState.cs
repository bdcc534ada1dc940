namespace Tuner.Core.Model;

/// <summary>Where a sweep is in its life. Stored as text.</summary>
public enum SweepState
{
    Running,

    /// <summary>It has spent its budget.max_cost_usd: no trial starts and no machine launches for it until the budget is
    /// raised (it then runs again) or it is cancelled.</summary>
    Paused,
    Cancelling,
    Completed,
    Cancelled,
}
