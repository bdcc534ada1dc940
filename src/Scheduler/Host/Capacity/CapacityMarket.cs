namespace Tuner.Scheduler.Capacity;

public enum CapacityMarket
{
    Spot,
    OnDemand,
}
