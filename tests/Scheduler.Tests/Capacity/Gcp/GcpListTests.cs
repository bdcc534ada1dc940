using Tuner.Scheduling.Capacity;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpListTests
{
    private static Dictionary<string, string> Labels(string deployment, string token) =>
        new() { ["tuner-deployment"] = deployment, ["tuner-launch-token"] = token, ["tuner-pool"] = "cpu" };

    [Fact]
    public async Task List_ReturnsOnlyDeploymentsInstances_AndMapsStates()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.AddInstance("us-central1-a", "a-provisioning", "n2-standard-4", "PROVISIONING", Labels("prod", "t1"));
        gcp.Fake.AddInstance("us-central1-a", "b-staging", "n2-standard-4", "STAGING", Labels("prod", "t2"));
        gcp.Fake.AddInstance("us-central1-b", "c-running", "n2-standard-8", "RUNNING", Labels("prod", "t3"));
        gcp.Fake.AddInstance("us-central1-b", "d-stopping", "n2-standard-4", "STOPPING", Labels("prod", "t4"));
        gcp.Fake.AddInstance("us-east1-c", "e-suspended", "n2-standard-4", "SUSPENDED", Labels("prod", "t5"));
        gcp.Fake.AddInstance("us-east1-c", "f-terminated", "n2-standard-4", "TERMINATED", Labels("prod", "t6"));
        gcp.Fake.AddInstance("us-east1-c", "g-other-deployment", "n2-standard-4", "RUNNING", Labels("staging", "t7"));
        gcp.Fake.AddInstance("us-east1-c", "h-unlabelled", "n2-standard-4", "RUNNING", new Dictionary<string, string>());

        var listed = await gcp.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal(
        [
            new ProviderInstance("us-central1-a/a-provisioning", "t1", ProviderInstanceState.Pending, "n2-standard-4", "us-central1-a", CapacityMarket.Spot),
            new ProviderInstance("us-central1-a/b-staging", "t2", ProviderInstanceState.Pending, "n2-standard-4", "us-central1-a", CapacityMarket.Spot),
            new ProviderInstance("us-central1-b/c-running", "t3", ProviderInstanceState.Running, "n2-standard-8", "us-central1-b", CapacityMarket.Spot),
            new ProviderInstance("us-central1-b/d-stopping", "t4", ProviderInstanceState.Stopping, "n2-standard-4", "us-central1-b", CapacityMarket.Spot),
            new ProviderInstance("us-east1-c/e-suspended", "t5", ProviderInstanceState.Stopped, "n2-standard-4", "us-east1-c", CapacityMarket.Spot),
            new ProviderInstance("us-east1-c/f-terminated", "t6", ProviderInstanceState.Stopped, "n2-standard-4", "us-east1-c", CapacityMarket.Spot),
        ], listed.OrderBy(i => i.InstanceId, StringComparer.Ordinal));
        var call = Assert.Single(gcp.Fake.Requests);
        Assert.Equal(("GET", "aggregated/instances", "labels.tuner-deployment=prod"), (call.Method, call.Path, call.Query["filter"]));
    }

    [Fact]
    public async Task List_FollowsNextPageToken_UntilLastPage()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.PageSize = 2;
        for (var i = 0; i < 5; i++)
            gcp.Fake.AddInstance(GcpHarness.DefaultZones[i % 3], $"worker-{i}", "n2-standard-4", "RUNNING", Labels("prod", $"t{i}"));

        var listed = await gcp.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal(5, listed.Select(i => i.InstanceId).Distinct().Count());
        Assert.Equal([null, "2", "4"], gcp.Fake.Requests.Select(r => r.Query.GetValueOrDefault("pageToken")));
    }

    [Fact]
    public async Task List_FindsLaunchedInstance_ByItsSanitisedDeploymentLabel()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var request = GcpHarness.Request(deployment: "Prod EU");
        var launched = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        var listed = await gcp.Provider.ListAsync("Prod EU", CancellationToken.None);

        Assert.Equal(new ProviderInstance(launched.InstanceId, request.LaunchToken, ProviderInstanceState.Running, "n2-standard-4",
            "us-central1-a", CapacityMarket.Spot), Assert.Single(listed));
        Assert.Equal("labels.tuner-deployment=prod_eu", gcp.Fake.Requests[^1].Query["filter"]);
    }

    [Fact]
    public async Task List_ShowsPreemptedInstanceAsStopped_UntilTheDeleteActionRemovesIt()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);
        var instance = Assert.Single(gcp.Fake.Instances);
        gcp.Fake.Preempt(instance.Zone, instance.Name);

        var whileTerminated = await gcp.Provider.ListAsync("prod", CancellationToken.None);
        var afterDeletion = await gcp.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal(ProviderInstanceState.Stopped, Assert.Single(whileTerminated).State);
        Assert.Empty(afterDeletion);
        Assert.Empty(gcp.Fake.Instances);
        await gcp.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);
    }
}
