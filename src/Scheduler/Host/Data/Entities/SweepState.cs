namespace Tuner.Scheduler.Data.Entities;

/// <summary>Where a sweep is in its life. Stored as text.</summary>
public enum SweepState
{
    Running,
    Cancelling,
    Completed,
    Cancelled,
}
