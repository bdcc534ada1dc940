namespace Tuner.Core.Capacity;

public enum CapacityMarket
{
    Spot,
    OnDemand,
}
