namespace Tuner.Core.Capacity;

/// <summary>What a launch produced.</summary>
/// <param name="InstanceId">The provider's id (EC2 instance id, GCE instance name, local worker id).</param>
/// <param name="HourlyPriceUsd">The price per hour at launch when the provider knows it (EC2 spot price history), else null.</param>
public sealed record LaunchedInstance(
    string InstanceId,
    string InstanceType,
    string? Zone,
    CapacityMarket Market,
    decimal? HourlyPriceUsd);
