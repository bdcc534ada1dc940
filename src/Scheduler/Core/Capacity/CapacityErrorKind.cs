namespace Tuner.Core.Capacity;

/// <summary>Why a cloud refused a call, as far as Tuner acts on it.</summary>
public enum CapacityErrorKind
{
    /// <summary>No capacity of that kind right now (EC2 InsufficientInstanceCapacity, spot capacity-not-available;
    /// GCE ZONE_RESOURCE_POOL_EXHAUSTED): try other types or zones, later, or on-demand.</summary>
    InsufficientCapacity,

    /// <summary>An account limit (EC2 MaxSpotInstanceCountExceeded, VcpuLimitExceeded; GCE QUOTA_EXCEEDED).</summary>
    Quota,

    /// <summary>Too many requests (EC2 RequestLimitExceeded; GCE 429/rateLimitExceeded): retry after a pause.</summary>
    Throttled,

    /// <summary>The request is wrong (bad image, type, credentials): retrying does not help; the operator must act.</summary>
    Rejected,
}
