using Tuner.Scheduling.Capacity;
using Tuner.Scheduler.Tests.Capacity.Gcp.Fake;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpZoneFallbackTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Launch_MovesToNextZone_WhenZoneResourcePoolIsExhausted(bool inOperation)
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, FakeGceFailure.ZoneExhausted with { InOperation = inOperation });

        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        Assert.Equal("us-central1-b", launched.Zone);
        Assert.StartsWith("us-central1-b/", launched.InstanceId, StringComparison.Ordinal);
        Assert.Equal(["zones/us-central1-a/instances", "zones/us-central1-b/instances"], gcp.Inserts.Select(r => r.Path));
        Assert.Equal("us-central1-b", Assert.Single(gcp.Fake.Instances).Zone);
    }

    [Fact]
    public async Task Launch_TriesNextMachineTypeInZone_BeforeNextZone()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, FakeGceFailure.ZoneExhausted with { Code = "ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS" });

        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(types: ["n2-standard-4", "n2d-standard-4"]), CancellationToken.None);

        Assert.Equal(("us-central1-a", "n2d-standard-4"), (launched.Zone, launched.InstanceType));
        Assert.Equal(["zones/us-central1-a/machineTypes/n2-standard-4", "zones/us-central1-a/machineTypes/n2d-standard-4"],
            gcp.Inserts.Select(r => (string)r.Body!["machineType"]!));
    }

    [Fact]
    public async Task Launch_GivesEachAttemptItsOwnRequestId_StartingWithLaunchToken()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, FakeGceFailure.ZoneExhausted);
        gcp.Fake.FailNextInserts("us-central1-b", 1, FakeGceFailure.ZoneExhausted);
        var token = Guid.NewGuid().ToString();

        await gcp.Provider.LaunchAsync(GcpHarness.Request(token), CancellationToken.None);

        var ids = gcp.Inserts.Select(r => r.Query["requestId"]).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(token, ids[0]);
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
    }

    [Fact]
    public async Task Launch_SkipsZones_ThatDoNotOfferMachineTypeOrAccelerator()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.StopOffering("us-central1-a", "acceleratorTypes", "nvidia-tesla-t4");
        gcp.Fake.StopOffering("us-central1-b", "machineTypes", "n1-standard-8");

        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(gpus: 1, types: ["n1-standard-8"]), CancellationToken.None);

        Assert.Equal("us-east1-c", launched.Zone);
        Assert.Equal("zones/us-east1-c/instances", Assert.Single(gcp.Inserts).Path);
    }

    [Fact]
    public async Task Launch_ThrowsInsufficientCapacityWithGceCode_WhenEveryZoneIsExhausted()
    {
        await using var gcp = await GcpHarness.StartAsync();
        foreach (var zone in GcpHarness.DefaultZones)
            gcp.Fake.FailNextInserts(zone, 1, FakeGceFailure.ZoneExhausted);

        var error = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None));

        Assert.Equal(CapacityErrorKind.InsufficientCapacity, error.Kind);
        Assert.Equal("ZONE_RESOURCE_POOL_EXHAUSTED", error.Code);
        Assert.Contains("us-central1-a, us-central1-b, us-east1-c", error.Message);
        Assert.Equal(3, gcp.Inserts.Count);
        Assert.Empty(gcp.Fake.Instances);
    }

    [Fact]
    public async Task Launch_ThrowsRejected_WhenNoZoneOffersAnyRequestedType()
    {
        await using var gcp = await GcpHarness.StartAsync();
        foreach (var zone in GcpHarness.DefaultZones)
            gcp.Fake.StopOffering(zone, "machineTypes", "a3-highgpu-8g");

        var error = await Assert.ThrowsAsync<CapacityException>(
            () => gcp.Provider.LaunchAsync(GcpHarness.Request(types: ["a3-highgpu-8g"]), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Rejected, "notOffered"), (error.Kind, error.Code));
        Assert.Contains("a3-highgpu-8g", error.Message);
        Assert.Empty(gcp.Inserts);
    }
}
