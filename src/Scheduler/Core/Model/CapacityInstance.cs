namespace Tuner.Core.Model;

/// <summary>
/// A worker machine Tuner asked a provider for. The row is written (state Requested, with its launch token) before the
/// launch call and completed after it, so a crash between the two leaves a row the reconciler matches by token.
/// </summary>
public sealed class CapacityInstance
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public required string Pool { get; set; }

    /// <summary>The idempotency token sent with the launch and put on the instance as a tag; a UUID.</summary>
    public required string LaunchToken { get; set; }

    /// <summary>The provider's id, once the launch call returned or the reconciler found it.</summary>
    public string? InstanceId { get; set; }
    public string? InstanceType { get; set; }
    public string? Zone { get; set; }
    public Capacity.CapacityMarket Market { get; set; }
    public int GpuCount { get; set; }
    public CapacityInstanceState State { get; set; }
    public decimal? HourlyPriceUsd { get; set; }

    /// <summary>The sweep whose demand launched it (pools are shared, so this is the first of them).</summary>
    public long? SweepId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? LaunchedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? TerminateRequestedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: "idle", "preempted", "launch failed: ...", "untracked: ..." (cut to
    /// <see cref="EndReasons.MaxLength"/>).</summary>
    public string? EndReason { get; set => field = EndReasons.Fit(value); }
}
