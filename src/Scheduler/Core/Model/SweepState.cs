namespace Tuner.Core.Model;

/// <summary>Where a sweep is in its life. Stored as text.</summary>
public enum SweepState
{
    Running,
    Cancelling,
    Completed,
    Cancelled,
}
