namespace Tuner.Scheduler.Trials;

public enum HeartbeatResult
{
    Renewed,
    CancelRequested,
    Lost,
}
