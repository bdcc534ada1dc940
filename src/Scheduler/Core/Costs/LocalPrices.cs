namespace Tuner.Core.Costs;

/// <summary>The operator's hourly prices for this machine's worker processes, and the settings they come from.</summary>
/// <param name="OnDemandUsdPerHour">A local worker's price per hour; null: unset.</param>
/// <param name="SpotUsdPerHour">A worker on the simulated spot market; null: the on-demand price.</param>
public sealed record LocalPrices(decimal? OnDemandUsdPerHour, decimal? SpotUsdPerHour, string OnDemandSetting, string SpotSetting)
{
    public static LocalPrices Unset(string onDemandSetting, string spotSetting) => new(null, null, onDemandSetting, spotSetting);
}
