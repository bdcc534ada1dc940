namespace Tuner.Scheduler.Data.Entities;

public enum TrialRunOutcome
{
    Running,
    Completed,
    Pruned,
    Preempted,
    Lost,
    Failed,
    Cancelled,
}
