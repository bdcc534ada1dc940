using Tuner.Core.Capacity;

namespace Tuner.Core.Costs;

/// <summary>
/// The price of one machine. Cloud machines: a spot machine pays the price its provider gave at launch (EC2's spot
/// price history), else the catalogue's spot price, else the on-demand price (an upper bound, said so); an on-demand
/// machine pays the catalogue's on-demand price. Local workers pay the operator's local price, which is unset by default.
/// </summary>
public static class MachinePricing
{
    public static MachinePrice For(
        string provider, string? zone, string? instanceType, CapacityMarket market, decimal? launchPrice, PriceCatalogue catalogue, LocalPrices local)
    {
        if (provider == PoolNames.Local) return Local(market, local);
        var region = Regions.Of(provider, zone);
        var onDemand = catalogue.Find(provider, region, instanceType, CapacityMarket.OnDemand);
        var where = $"{provider} {instanceType ?? "(type unknown)"} in {region ?? "(region unknown)"}";
        if (market == CapacityMarket.Spot)
        {
            if (launchPrice is { } live) return new MachinePrice(live, onDemand, "the spot price at launch");
            if (catalogue.Find(provider, region, instanceType, CapacityMarket.Spot) is { } listed)
                return new MachinePrice(listed, onDemand, $"the price catalogue ({catalogue.Origin}, {catalogue.Date}): spot");
            if (onDemand is { } upper)
                return new MachinePrice(upper, onDemand, $"no spot price for {where}: charged at the catalogue's on-demand price, an upper bound");
        }
        else if (onDemand is { } listed)
        {
            return new MachinePrice(listed, onDemand, $"the price catalogue ({catalogue.Origin}, {catalogue.Date}): on-demand");
        }

        return new MachinePrice(null, null, $"no {PriceCatalogue.MarketName(market)} price for {where} in the catalogue: add one with TUNER_COST__PRICES_FILE");
    }

    private static MachinePrice Local(CapacityMarket market, LocalPrices local)
    {
        if (local.OnDemandUsdPerHour is not { } onDemand)
        {
            return new MachinePrice(null, null, $"local price unset ({local.OnDemandSetting}): seconds counted at $0");
        }

        if (market == CapacityMarket.Spot && local.SpotUsdPerHour is { } spot) return new MachinePrice(spot, onDemand, local.SpotSetting);
        return new MachinePrice(onDemand, onDemand, local.OnDemandSetting);
    }
}
