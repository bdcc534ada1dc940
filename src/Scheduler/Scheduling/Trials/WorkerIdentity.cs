using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Trials;

/// <summary>The name this process writes into the leases it takes (host, process id and a random suffix), the queue it
/// serves and the machine it runs on (TUNER_QUEUE and TUNER_INSTANCE_ID, read as <see cref="Workers.WorkerOptions"/>).</summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId, string Queue = PoolNames.Local, string? InstanceId = null)
{
    /// <param name="options">The queue and instance, already validated.</param>
    public static WorkerIdentity ForThisProcess(Workers.WorkerOptions options)
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        return new WorkerIdentity($"{host}:{pid}:{Guid.NewGuid().ToString("N")[..6]}", host, pid, options.Queue, options.InstanceId);
    }
}
