using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class SpotPriceTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AwsLaunchApi.Fleet)]
    [InlineData(AwsLaunchApi.RunInstances)]
    public async Task Launch_ReportsLatestSpotPrice_OfLaunchedTypeInItsZone(AwsLaunchApi api)
    {
        await using var aws = await StartAsync(api);
        aws.Fake.SetSpotPrice("g5.xlarge", ZoneA, 0.41m, Noon.AddHours(-2));
        aws.Fake.SetSpotPrice("g5.xlarge", ZoneA, 0.4321m, Noon);
        aws.Fake.SetSpotPrice("g5.xlarge", ZoneB, 0.30m, Noon.AddHours(1));
        aws.Fake.SetSpotPrice("g4dn.xlarge", ZoneA, 0.20m, Noon.AddHours(1));
        aws.Fake.NoCapacity("g4dn.xlarge", ZoneA);
        aws.Fake.NoCapacity("g4dn.xlarge", ZoneB);
        aws.Fake.NoCapacity("g5.xlarge", ZoneB);

        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Equal(("g5.xlarge", ZoneA, 0.4321m), (launched.InstanceType, launched.Zone, launched.HourlyPriceUsd));
        var lookup = aws.Fake.RequestsFor("DescribeSpotPriceHistory").Single();
        Assert.Equal(["g5.xlarge"], lookup.Values("InstanceType"));
        Assert.Equal(["Linux/UNIX"], lookup.Values("ProductDescription"));
        Assert.Equal(ZoneA, lookup["AvailabilityZone"]);
    }

    [Fact]
    public async Task Launch_OnDemand_HasNoPrice_AndLooksNoneUp()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        aws.Fake.SetSpotPrice("g5.xlarge", ZoneA, 0.41m, Noon);

        var launched = await aws.Provider.LaunchAsync(Request(CapacityMarket.OnDemand), CancellationToken.None);

        Assert.Null(launched.HourlyPriceUsd);
        Assert.Empty(aws.Fake.RequestsFor("DescribeSpotPriceHistory"));
    }

    [Fact]
    public async Task Launch_Succeeds_WithoutPrice_WhenPriceLookupIsRefused()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.SetSpotPrice("g5.xlarge", ZoneA, 0.41m, Noon);
        aws.Fake.FailNext("DescribeSpotPriceHistory", "UnauthorizedOperation");

        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Null(launched.HourlyPriceUsd);
        Assert.Single(aws.Fake.Instances);
    }
}
