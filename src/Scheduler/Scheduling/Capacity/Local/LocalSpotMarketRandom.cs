namespace Tuner.Scheduling.Capacity.Local;

/// <summary>The spot market's random source: seeded from TUNER_SPOT_MARKET_SEED when set, so runs draw the same sequence.</summary>
public sealed class LocalSpotMarketRandom(int seed)
{
    private readonly Random random = new(seed);

    public double NextDouble()
    {
        lock (random) return random.NextDouble();
    }
}
