namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpTerminateTests
{
    [Fact]
    public async Task Terminate_DeletesInstanceInItsZone_AndWaitsForOperation()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, Fake.FakeGceFailure.ZoneExhausted);
        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        await gcp.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        Assert.Empty(gcp.Fake.Instances);
        var delete = Assert.Single(gcp.Fake.Requests, r => r.Method == "DELETE");
        Assert.Equal($"zones/us-central1-b/instances/{launched.InstanceId.Split('/')[1]}", delete.Path);
        Assert.True(Guid.TryParse(delete.Query["requestId"], out _));
        var operation = gcp.Fake.Operations[^1];
        Assert.Equal(("DONE", 2), (operation.Status, operation.Waits));
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenInstanceIsAlreadyGone()
    {
        await using var gcp = await GcpHarness.StartAsync();

        await gcp.Provider.TerminateAsync("us-central1-a/tuner-prod-missing", CancellationToken.None);

        var delete = Assert.Single(gcp.Fake.Requests);
        Assert.Equal(("DELETE", "zones/us-central1-a/instances/tuner-prod-missing"), (delete.Method, delete.Path));
        Assert.Empty(gcp.Fake.Operations);
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenCalledTwice()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        await gcp.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);
        await gcp.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        Assert.Empty(gcp.Fake.Instances);
        Assert.Equal(2, gcp.Fake.Requests.Count(r => r.Method == "DELETE"));
    }

    [Theory]
    [InlineData("tuner-prod-0f3c")]
    [InlineData("us-central1-a/")]
    [InlineData("a/b/c")]
    public async Task Terminate_Throws_WhenInstanceIdIsNotZoneSlashName(string instanceId)
    {
        await using var gcp = await GcpHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => gcp.Provider.TerminateAsync(instanceId, CancellationToken.None));

        Assert.Contains($"must be 'zone/name', but got '{instanceId}'", error.Message);
        Assert.Empty(gcp.Fake.Requests);
    }
}
