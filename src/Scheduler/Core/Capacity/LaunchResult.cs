namespace Tuner.Core.Capacity;

/// <summary>How a launch went: the market tried, and the refusal when the provider said no.</summary>
public sealed record LaunchResult(bool Launched, CapacityMarket Market, CapacityException? Refusal);
