namespace Tuner.Scheduler.Data.Entities;

public enum CheckpointState
{
    Live,
    Deleting,
    Deleted,
}
