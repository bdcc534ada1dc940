using Tuner.Core.Capacity;
using Tuner.Core.Costs;

namespace Tuner.Core.Tests.Costs;

public sealed class MachinePricingTests
{
    private static readonly LocalPrices Unset = LocalPrices.Unset("TUNER_COST__LOCAL_HOURLY_USD", "TUNER_COST__LOCAL_SPOT_HOURLY_USD");

    [Fact]
    public void ASpotMachine_PaysItsPriceAtLaunch_AgainstTheCataloguesOnDemandPrice()
    {
        var price = MachinePricing.For("aws", "us-east-1b", "g4dn.xlarge", CapacityMarket.Spot, 0.1578m, PriceCatalogue.Shipped, Unset);

        Assert.Equal(new MachinePrice(0.1578m, 0.526m, "the spot price at launch"), price);
    }

    [Fact]
    public void ASpotMachineWithoutAnyKnownSpotPrice_IsChargedTheOnDemandPrice_AndSaysSo()
    {
        var price = MachinePricing.For("aws", "us-east-1b", "g4dn.xlarge", CapacityMarket.Spot, null, PriceCatalogue.Shipped, Unset);

        Assert.Equal(0.526m, price.UsdPerHour);
        Assert.Contains("upper bound", price.Source);
    }

    [Fact]
    public void AGceSpotMachine_PaysTheCataloguesSpotPrice()
    {
        var price = MachinePricing.For("gcp", "us-central1-a", "n2-standard-4", CapacityMarket.Spot, null, PriceCatalogue.Shipped, Unset);

        Assert.Equal(0.047028m, price.UsdPerHour);
        Assert.Equal(0.194236m, price.OnDemandUsdPerHour);
    }

    [Fact]
    public void AnUnlistedType_HasNoPrice_AndTheSourceSaysHowToAddOne()
    {
        var price = MachinePricing.For("aws", "ap-south-1a", "x9.huge", CapacityMarket.OnDemand, null, PriceCatalogue.Shipped, Unset);

        Assert.False(price.IsSet);
        Assert.Equal("no on-demand price for aws x9.huge in ap-south-1 in the catalogue: add one with TUNER_COST__PRICES_FILE", price.Source);
    }

    [Fact]
    public void LocalWorkers_AreUnpricedByDefault_AndPayTheLocalPricesWhenSet()
    {
        Assert.Equal(new MachinePrice(null, null, "local price unset (TUNER_COST__LOCAL_HOURLY_USD): seconds counted at $0"),
            MachinePricing.For("local", null, null, CapacityMarket.OnDemand, null, PriceCatalogue.Shipped, Unset));

        var set = Unset with { OnDemandUsdPerHour = 0.40m, SpotUsdPerHour = 0.12m };
        Assert.Equal(new MachinePrice(0.40m, 0.40m, "TUNER_COST__LOCAL_HOURLY_USD"), MachinePricing.For("local", null, null, CapacityMarket.OnDemand, null, PriceCatalogue.Shipped, set));
        Assert.Equal(new MachinePrice(0.12m, 0.40m, "TUNER_COST__LOCAL_SPOT_HOURLY_USD"), MachinePricing.For("local", null, null, CapacityMarket.Spot, null, PriceCatalogue.Shipped, set));
    }
}
