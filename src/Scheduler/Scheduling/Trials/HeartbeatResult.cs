namespace Tuner.Scheduling.Trials;

public enum HeartbeatResult
{
    Renewed,
    CancelRequested,
    Lost,
}
