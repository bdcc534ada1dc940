namespace Tuner.Workloads;

/// <summary>A trial that cannot be trained as specified (bad data, a parameter combination the model cannot build, a
/// diverging loss). Its message becomes the trial's error, so it says what is wrong and where.</summary>
public class WorkloadException : Exception
{
    public WorkloadException(string message) : base(message)
    {
    }

    public WorkloadException(string message, Exception inner) : base(message, inner)
    {
    }
}
