namespace Tuner.Scheduling.Workers;

/// <summary>How long a stopping worker may take: its running trial checkpoints at the next batch boundary and is handed
/// back within this time (Hangfire's shutdown timeout); whoever stops a worker waits this long before killing it.</summary>
public static class WorkerShutdown
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);
}
