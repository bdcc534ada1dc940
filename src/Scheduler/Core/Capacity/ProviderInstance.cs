namespace Tuner.Core.Capacity;

/// <summary>An instance as the provider lists it.</summary>
/// <param name="LaunchToken">The <see cref="InstanceTags.LaunchToken"/> tag, null when the instance has none.</param>
public sealed record ProviderInstance(
    string InstanceId,
    string? LaunchToken,
    ProviderInstanceState State,
    string InstanceType,
    string? Zone,
    CapacityMarket Market);
