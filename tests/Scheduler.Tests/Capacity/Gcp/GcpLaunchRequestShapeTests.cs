using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Gcp;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpLaunchRequestShapeTests
{
    [Fact]
    public async Task Launch_SendsSpotSchedulingWithDeleteAction_AndStartupScript()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var request = GcpHarness.Request();

        var launched = await gcp.Provider.LaunchAsync(request, CancellationToken.None);

        var body = Assert.Single(gcp.Inserts).Body!;
        Assert.Equal("SPOT", (string?)body["scheduling"]!["provisioningModel"]);
        Assert.Equal("DELETE", (string?)body["scheduling"]!["instanceTerminationAction"]);
        Assert.Equal("TERMINATE", (string?)body["scheduling"]!["onHostMaintenance"]);
        Assert.False((bool)body["scheduling"]!["automaticRestart"]!);
        var item = Assert.Single(body["metadata"]!["items"]!.AsArray())!;
        Assert.Equal("startup-script", (string?)item["key"]);
        Assert.Equal(request.StartupScript, (string?)item["value"]);
        Assert.Equal("zones/us-central1-a/machineTypes/n2-standard-4", (string?)body["machineType"]);
        Assert.Null(body["guestAccelerators"]);
        Assert.Equal(new LaunchedInstance($"us-central1-a/{body["name"]}", "n2-standard-4", "us-central1-a", CapacityMarket.Spot, null), launched);
    }

    [Fact]
    public async Task Launch_SendsStopTerminationAction_WhenConfigured()
    {
        await using var gcp = await GcpHarness.StartAsync(o => o with { TerminationAction = GcpTerminationAction.Stop });

        await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        Assert.Equal("STOP", (string?)Assert.Single(gcp.Inserts).Body!["scheduling"]!["instanceTerminationAction"]);
    }

    [Fact]
    public async Task Launch_SendsStandardMigratingScheduling_ForOnDemandWithoutGpus()
    {
        await using var gcp = await GcpHarness.StartAsync();

        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(market: CapacityMarket.OnDemand), CancellationToken.None);

        var scheduling = Assert.Single(gcp.Inserts).Body!["scheduling"]!;
        Assert.Equal("STANDARD", (string?)scheduling["provisioningModel"]);
        Assert.Equal("MIGRATE", (string?)scheduling["onHostMaintenance"]);
        Assert.True((bool)scheduling["automaticRestart"]!);
        Assert.Null(scheduling["instanceTerminationAction"]);
        Assert.Equal(CapacityMarket.OnDemand, launched.Market);
    }

    [Fact]
    public async Task Launch_AttachesConfiguredAccelerator_AndTerminatesOnMaintenance_WhenGpusRequested()
    {
        await using var gcp = await GcpHarness.StartAsync(o => o with { AcceleratorType = "nvidia-l4" });

        await gcp.Provider.LaunchAsync(GcpHarness.Request(market: CapacityMarket.OnDemand, gpus: 2, types: ["g2-standard-24"]), CancellationToken.None);

        var body = Assert.Single(gcp.Inserts).Body!;
        var accelerator = Assert.Single(body["guestAccelerators"]!.AsArray())!;
        Assert.Equal("zones/us-central1-a/acceleratorTypes/nvidia-l4", (string?)accelerator["acceleratorType"]);
        Assert.Equal(2, (int)accelerator["acceleratorCount"]!);
        Assert.Equal("TERMINATE", (string?)body["scheduling"]!["onHostMaintenance"]);
    }

    [Fact]
    public async Task Launch_SendsBootDiskNetworkAndServiceAccount_FromOptions()
    {
        await using var gcp = await GcpHarness.StartAsync(o => o with
        {
            Image = "projects/my-images/global/images/tuner-worker", DiskGb = 120, Subnetwork = "regions/us-central1/subnetworks/ml",
            ServiceAccount = "tuner-worker@tuner-test.iam.gserviceaccount.com",
        });

        await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        var body = Assert.Single(gcp.Inserts).Body!;
        var disk = Assert.Single(body["disks"]!.AsArray())!;
        Assert.True((bool)disk["boot"]! && (bool)disk["autoDelete"]!);
        Assert.Equal("projects/my-images/global/images/tuner-worker", (string?)disk["initializeParams"]!["sourceImage"]);
        Assert.Equal("120", (string?)disk["initializeParams"]!["diskSizeGb"]);
        var nic = Assert.Single(body["networkInterfaces"]!.AsArray())!;
        Assert.Equal("global/networks/default", (string?)nic["network"]);
        Assert.Equal("regions/us-central1/subnetworks/ml", (string?)nic["subnetwork"]);
        Assert.Equal("ONE_TO_ONE_NAT", (string?)nic["accessConfigs"]![0]!["type"]);
        var account = Assert.Single(body["serviceAccounts"]!.AsArray())!;
        Assert.Equal("tuner-worker@tuner-test.iam.gserviceaccount.com", (string?)account["email"]);
        Assert.Equal("https://www.googleapis.com/auth/cloud-platform", (string?)account["scopes"]![0]);
    }

    [Fact]
    public async Task Launch_LabelsInstance_WithTunerLabelsAndSanitisedSweepLabels()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var token = Guid.NewGuid().ToString();
        var labels = new Dictionary<string, string> { ["Team"] = "ML Platform", ["cost.center"] = "Product/Analytics", ["2fa"] = "on" };

        await gcp.Provider.LaunchAsync(GcpHarness.Request(token, labels: labels, deployment: "Prod.EU"), CancellationToken.None);

        var sent = Assert.Single(gcp.Inserts).Body!["labels"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["team"] = "ml_platform", ["cost_center"] = "product_analytics", ["l-2fa"] = "on",
            ["tuner-deployment"] = "prod_eu", ["tuner-launch-token"] = token, ["tuner-pool"] = "gpu-pool",
        }, sent);
    }

    [Fact]
    public async Task Launch_SendsLaunchTokenAsRequestId_AndBearerTokenOnEveryCall()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var token = Guid.NewGuid();

        await gcp.Provider.LaunchAsync(GcpHarness.Request(token.ToString()), CancellationToken.None);

        Assert.Equal(token.ToString(), Assert.Single(gcp.Inserts).Query["requestId"]);
        Assert.All(gcp.Fake.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Equal(0, gcp.Fake.UnauthorizedRequests);
    }

    [Fact]
    public async Task Launch_NamesInstanceFromDeploymentAndToken_WithinRfc1035()
    {
        await using var gcp = await GcpHarness.StartAsync();
        var token = Guid.Parse("0f3c2a9e-8d1b-4c55-9a0e-6b7c1d2e3f40");

        var launched = await gcp.Provider.LaunchAsync(GcpHarness.Request(token.ToString(), deployment: "Prod_EU West"), CancellationToken.None);

        Assert.Equal("us-central1-a/tuner-prod-eu-west-0f3c2a9e8d1b4c559a0e6b7c1d2e3f40", launched.InstanceId);
        Assert.Equal("RUNNING", Assert.Single(gcp.Fake.Instances).Status);
    }

    [Fact]
    public async Task Launch_Throws_WhenLaunchTokenIsNotUuid()
    {
        await using var gcp = await GcpHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => gcp.Provider.LaunchAsync(GcpHarness.Request("launch-1"), CancellationToken.None));

        Assert.Contains("LaunchToken must be a non-zero UUID", error.Message);
        Assert.Contains("'launch-1'", error.Message);
        Assert.Empty(gcp.Fake.Requests);
    }

    [Fact]
    public async Task Launch_NeverPutsStartupScriptInErrorMessages()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.FailNextInserts("us-central1-a", 1, Fake.FakeGceFailure.InvalidImage);
        var request = GcpHarness.Request();

        var error = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(request, CancellationToken.None));

        Assert.DoesNotContain("s3cret", error.ToString());
        Assert.Contains("s3cret", (string?)gcp.Inserts[0].Body!["metadata"]!["items"]![0]!["value"]);
    }
}
