using Tuner.Core.Capacity;
using Tuner.Core.Costs;

namespace Tuner.Core.Tests.Costs;

public sealed class PriceCatalogueTests
{
    [Fact]
    public void Shipped_SaysItsSourceAndDate_AndPricesTheDocumentedTypes()
    {
        var shipped = PriceCatalogue.Shipped;

        Assert.StartsWith("AWS EC2 On-Demand pricing page", shipped.Source);
        Assert.Equal("2025-11-01", shipped.Date);
        Assert.Equal(0.526m, shipped.Find("aws", "us-east-1", "g4dn.xlarge", CapacityMarket.OnDemand));
        Assert.Equal(0.097118m, shipped.Find("gcp", "us-central1", "n2-standard-2", CapacityMarket.OnDemand));
        Assert.NotNull(shipped.Find("gcp", "us-central1", "n2-standard-2", CapacityMarket.Spot));
        Assert.Null(shipped.Find("aws", "us-east-1", "g4dn.xlarge", CapacityMarket.Spot));
    }

    [Fact]
    public void With_LaysTheOperatorsRowsOverTheShippedOnes()
    {
        var file = PriceCatalogue.Parse("""
            # source: our negotiated rates
            # date: 2026-12-01
            provider,region,instance_type,market,usd_per_hour
            aws,us-east-1,g4dn.xlarge,on-demand,0.40
            aws,eu-west-1,g4dn.xlarge,spot,0.19
            """, "/etc/tuner/prices.csv");

        var merged = PriceCatalogue.Shipped.With(file);

        Assert.Equal(0.40m, merged.Find("aws", "us-east-1", "g4dn.xlarge", CapacityMarket.OnDemand));
        Assert.Equal(0.19m, merged.Find("aws", "eu-west-1", "g4dn.xlarge", CapacityMarket.Spot));
        Assert.Equal(1.006m, merged.Find("aws", "us-east-1", "g5.xlarge", CapacityMarket.OnDemand));
        Assert.Equal("/etc/tuner/prices.csv over the shipped catalogue", merged.Origin);
        Assert.Equal("2026-12-01", merged.Date);
    }

    [Fact]
    public void Parse_ListsEveryBadLine_WithItsNumber()
    {
        var error = Assert.Throws<PriceCatalogueException>(() => PriceCatalogue.Parse("""
            provider,region,instance_type,market,usd_per_hour
            aws,us-east-1,g4dn.xlarge,on-demand,0.526
            azure,eastus,NC6,on-demand,0.9
            aws,us-east-1,g5.xlarge,reserved,1
            aws,us-east-1,m5.large,on-demand,cheap
            aws,us-east-1,g4dn.xlarge,on-demand,0.6
            aws,us-east-1
            """, "prices.csv"));

        Assert.Equal(
            """
            the price file prices.csv has 5 problem(s):
              prices.csv line 3: provider must be aws, gcp or local, got 'azure'
              prices.csv line 4: market must be spot or on-demand, got 'reserved'
              prices.csv line 5: usd_per_hour must be a number of dollars like 0.526, got 'cheap'
              prices.csv line 6: aws us-east-1 g4dn.xlarge on-demand is already priced on an earlier line
              prices.csv line 7: expected 5 columns (provider,region,instance_type,market,usd_per_hour), got 2
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Parse_RefusesAFileWithoutTheHeader()
    {
        var error = Assert.Throws<PriceCatalogueException>(() => PriceCatalogue.Parse("aws,us-east-1,g4dn.xlarge,on-demand,0.5\n", "p.csv"));

        Assert.Contains("p.csv line 1: expected the header 'provider,region,instance_type,market,usd_per_hour'", error.Message);
    }

    [Theory]
    [InlineData("aws", "us-east-1a", "us-east-1")]
    [InlineData("aws", "eu-west-2c", "eu-west-2")]
    [InlineData("gcp", "us-central1-a", "us-central1")]
    [InlineData("gcp", "europe-west4-b", "europe-west4")]
    public void Regions_Of_StripsTheZone(string provider, string zone, string region) =>
        Assert.Equal(region, Regions.Of(provider, zone));
}
