namespace Tuner.Core.Model;

/// <summary>
/// Workers of one kind (provider, instance types, GPU count) that share a queue. The autoscaler keeps their number at
/// queued plus running trials, within <see cref="MaxInstances"/>, and at zero after <see cref="IdleTimeout"/> without work.
/// </summary>
public sealed class CapacityPool
{
    /// <summary>The pool's name, which is also its workers' Hangfire queue.</summary>
    public required string Name { get; set; }
    public required string Provider { get; set; }

    /// <summary>Acceptable instance types as a JSON array.</summary>
    public required string InstanceTypesJson { get; set; }
    public int GpuCount { get; set; }
    public bool Spot { get; set; }
    public int MaxInstances { get; set; }
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>Spot launches that failed in a row; at <see cref="OnDemandAfterSpotFailures"/> the pool launches on-demand.</summary>
    public int SpotFailures { get; set; }
    public int OnDemandAfterSpotFailures { get; set; }

    /// <summary>The sweep's labels (JSON object) of the sweep that last used the pool, put on launched machines.</summary>
    public required string LabelsJson { get; set; }

    /// <summary>The last time the pool had queued or running trials.</summary>
    public DateTimeOffset LastBusyAt { get; set; }
    public int Desired { get; set; }

    /// <summary>Local pools only: the simulated spot market's preemption rate per worker-hour; null: no market.</summary>
    public double? SpotMarketPreemptionsPerHour { get; set; }

    /// <summary>Local pools only: SIGTERM comes this long before SIGKILL; zero: SIGKILL with no notice.</summary>
    public TimeSpan? SpotMarketNotice { get; set; }
}
