using Amazon.EC2;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>EC2's instance description in the contract's terms.</summary>
internal static class Ec2InstanceMapping
{
    /// <summary>pending → Pending, running → Running, shutting-down and stopping → Stopping, stopped → Stopped;
    /// terminated (and anything unknown) → null.</summary>
    public static ProviderInstanceState? StateOf(Instance instance) => instance.State?.Name?.Value switch
    {
        "pending" => ProviderInstanceState.Pending,
        "running" => ProviderInstanceState.Running,
        "shutting-down" or "stopping" => ProviderInstanceState.Stopping,
        "stopped" => ProviderInstanceState.Stopped,
        _ => null,
    };

    /// <summary>EC2 sets instanceLifecycle to "spot" for spot instances and leaves it out for on-demand ones.</summary>
    public static CapacityMarket MarketOf(InstanceLifecycleType? lifecycle) =>
        lifecycle == InstanceLifecycleType.Spot ? CapacityMarket.Spot : CapacityMarket.OnDemand;

    public static string? Tag(Instance instance, string key) =>
        instance.Tags?.FirstOrDefault(tag => tag.Key == key)?.Value;

    public static ProviderInstance? ToProviderInstance(Instance instance) =>
        StateOf(instance) is { } state
            ? new ProviderInstance(instance.InstanceId, Tag(instance, InstanceTags.LaunchToken), state,
                instance.InstanceType?.Value ?? "", instance.Placement?.AvailabilityZone, MarketOf(instance.InstanceLifecycle))
            : null;

    public static Ec2Launch ToLaunch(Instance instance, string requestedType) =>
        new(instance.InstanceId, instance.InstanceType?.Value ?? requestedType, instance.Placement?.AvailabilityZone,
            MarketOf(instance.InstanceLifecycle));
}
