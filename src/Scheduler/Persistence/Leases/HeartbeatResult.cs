namespace Tuner.Persistence.Leases;

public enum HeartbeatResult
{
    Renewed,
    CancelRequested,
    Lost,
}
