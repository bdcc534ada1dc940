namespace Tuner.Core.Model;

/// <summary>A `tuner worker` process, registered at start and kept alive by its heartbeat.</summary>
public sealed class Worker
{
    public required string Id { get; set; }
    public required string Host { get; set; }
    public int ProcessId { get; set; }

    /// <summary>The capacity instance the worker runs on (TUNER_INSTANCE_ID), null for workers started by hand.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The queue the worker takes trials from.</summary>
    public string Queue { get; set; } = Capacity.PoolNames.Local;
    public WorkerState State { get; set; }
    public long? CurrentTrialId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastHeartbeatAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
