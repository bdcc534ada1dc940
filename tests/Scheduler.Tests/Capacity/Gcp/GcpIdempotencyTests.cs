using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Gcp;
using Tuner.Core.Capacity;
using Microsoft.Extensions.Time.Testing;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpIdempotencyTests
{
    [Fact]
    public async Task Launch_ReturnsEarlierInstance_WhenCalledAgainWithSameToken()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, Fake.FakeGceFailure.ZoneExhausted);
        var request = GcpHarness.Request();
        var first = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        var again = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(gcp.Fake.Instances);
        Assert.Equal(2, gcp.Inserts.Count);
    }

    [Fact]
    public async Task Launch_WaitsOnFirstOperation_WhenRetriedWithSameRequestIdAfterTimeout()
    {
        await using var gcp = await GcpHarness.StartAsync(o => o with { OperationTimeout = TimeSpan.FromSeconds(3) },
            new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });
        gcp.Fake.WaitsToFinish = 4;
        var request = GcpHarness.Request();
        var timedOut = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(request, CancellationToken.None));
        var instance = Assert.Single(gcp.Fake.Instances);
        gcp.Fake.HideFromLists(instance.Zone, instance.Name);

        var launched = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal((CapacityErrorKind.Throttled, "operationTimeout"), (timedOut.Kind, timedOut.Code));
        Assert.Equal($"{instance.Zone}/{instance.Name}", launched.InstanceId);
        Assert.Equal(2, gcp.Inserts.Count);
        Assert.Equal(gcp.Inserts[0].Query["requestId"], gcp.Inserts[1].Query["requestId"]);
        var operation = Assert.Single(gcp.Fake.Operations);
        Assert.Equal(("DONE", 4), (operation.Status, operation.Waits));
        Assert.Equal("RUNNING", Assert.Single(gcp.Fake.Instances).Status);
    }

    [Fact]
    public async Task Launch_AdoptsInstance_WhenNameExistsWithSameLaunchTokenAfterRequestIdExpired()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var request = GcpHarness.Request();
        var first = await gcp.Provider.LaunchAsync(request, CancellationToken.None);
        var instance = Assert.Single(gcp.Fake.Instances);
        gcp.Fake.HideFromLists(instance.Zone, instance.Name);
        gcp.Fake.ForgetRequestIds();

        var again = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(gcp.Fake.Instances);
        Assert.Contains(gcp.Fake.Requests, r => r.Method == "GET" && r.Path == $"zones/{instance.Zone}/instances/{instance.Name}");
    }

    [Fact]
    public async Task Launch_ThrowsRejectedAlreadyExists_WhenNameBelongsToAnotherLaunch()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var token = Guid.NewGuid();
        var name = GceInstanceName.For("prod", token);
        gcp.Fake.AddInstance("us-central1-a", name, "n2-standard-4", "RUNNING",
            new Dictionary<string, string> { ["tuner-launch-token"] = "someone-else" });

        var error = await Assert.ThrowsAsync<CapacityException>(
            () => gcp.Provider.LaunchAsync(GcpHarness.Request(token.ToString()), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Rejected, "alreadyExists"), (error.Kind, error.Code));
        Assert.Contains("belongs to another launch", error.Message);
    }
}
