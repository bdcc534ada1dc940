namespace Tuner.Core.Costs;

/// <summary>What one machine costs per hour, what the same machine costs on-demand, and where the figures come from.</summary>
/// <param name="UsdPerHour">What is paid; null when no price is known (the ledger then counts seconds at $0 and says so).</param>
/// <param name="OnDemandUsdPerHour">The on-demand price of the same machine, against which spot savings are counted; null
/// when unknown.</param>
/// <param name="Source">Where <paramref name="UsdPerHour"/> came from, in words, or why it is unknown.</param>
public sealed record MachinePrice(decimal? UsdPerHour, decimal? OnDemandUsdPerHour, string Source)
{
    public bool IsSet => UsdPerHour is not null;
}
