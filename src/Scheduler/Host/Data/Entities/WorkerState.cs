namespace Tuner.Scheduler.Data.Entities;

public enum WorkerState
{
    Active,
    Stopped,
    Lost,
}
