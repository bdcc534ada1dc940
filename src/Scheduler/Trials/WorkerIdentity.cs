namespace Tuner.Scheduler.Trials;

/// <summary>The name this process writes into the leases it takes: host, process id and a random suffix.</summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId)
{
    public static WorkerIdentity ForThisProcess()
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        return new WorkerIdentity($"{host}:{pid}:{Guid.NewGuid().ToString("N")[..6]}", host, pid);
    }
}
