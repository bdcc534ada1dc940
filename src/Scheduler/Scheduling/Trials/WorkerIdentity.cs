using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Trials;

/// <summary>The name this process writes into the leases it takes (host, process id and a random suffix), the queue it
/// serves (TUNER_QUEUE, default the local pool) and the machine it runs on (TUNER_INSTANCE_ID, set by the launcher).</summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId, string Queue = PoolNames.Local, string? InstanceId = null)
{
    public static WorkerIdentity ForThisProcess()
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        var queue = Environment.GetEnvironmentVariable("TUNER_QUEUE") is { Length: > 0 } q ? q : PoolNames.Local;
        if (!System.Text.RegularExpressions.Regex.IsMatch(queue, "^[a-z0-9_]{1,100}$"))
        {
            throw new InvalidOperationException($"TUNER_QUEUE must be 1-100 lowercase letters, digits or '_' (a pool name), but got '{queue}'");
        }

        var instance = Environment.GetEnvironmentVariable("TUNER_INSTANCE_ID") is { Length: > 0 } i ? i : null;
        return new WorkerIdentity($"{host}:{pid}:{Guid.NewGuid().ToString("N")[..6]}", host, pid, queue, instance);
    }
}
