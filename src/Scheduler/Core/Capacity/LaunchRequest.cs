namespace Tuner.Core.Capacity;

/// <summary>One worker machine to launch.</summary>
/// <param name="LaunchToken">A UUID chosen before the call and recorded with the instance: the idempotency token
/// (EC2 ClientToken, GCE requestId) and the <see cref="InstanceTags.LaunchToken"/> tag, so a launch whose record was
/// lost in a crash can be recognised.</param>
/// <param name="Deployment">Which Tuner installation owns the machine (the <see cref="InstanceTags.Deployment"/> tag).</param>
/// <param name="Pool">The pool the machine serves; also its worker's queue.</param>
/// <param name="InstanceTypes">Acceptable machine types, in order of preference (EC2 instance types, GCE machine types).</param>
/// <param name="Market">Spot or on-demand.</param>
/// <param name="GpuCount">GPUs the worker needs (0 for CPU workers).</param>
/// <param name="StartupScript">A shell script (plain text) that starts `tuner worker`: EC2 user-data (the provider
/// base64-encodes it) or the GCE startup-script. It holds the database connection string: never log it.</param>
/// <param name="Labels">The sweep's labels, applied as tags (EC2) or labels (GCE) beside Tuner's own.</param>
public sealed record LaunchRequest(
    string LaunchToken,
    string Deployment,
    string Pool,
    IReadOnlyList<string> InstanceTypes,
    CapacityMarket Market,
    int GpuCount,
    string StartupScript,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The order of <see cref="InstanceTypes"/> comes from measured cost per epoch (right-sizing), so a spot
    /// request follows it rather than the provider's lowest-price allocation.</summary>
    public bool TypesByMeasuredCost { get; init; }
}
