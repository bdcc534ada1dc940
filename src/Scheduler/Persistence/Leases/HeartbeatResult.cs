namespace Tuner.Persistence.Leases;

public enum HeartbeatResult
{
    Renewed,
    CancelRequested,

    /// <summary>The trial's sweep is paused by its budget and its running trials checkpoint and stop.</summary>
    StopRequested,
    Lost,
}
