using Tuner.Core.Capacity;

namespace Tuner.Core.Costs;

/// <summary>One row of a price catalogue: what an instance type costs per hour in a region and market.</summary>
public sealed record PriceEntry(string Provider, string Region, string InstanceType, CapacityMarket Market, decimal UsdPerHour);
