namespace Tuner.Core.Model;

public enum WorkerState
{
    Active,
    Stopped,
    Lost,
}
