using System.Text;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class RunInstancesLaunchTests
{
    [Fact]
    public async Task Launch_SendsSpotMarketOptionsUserDataTagsAndToken()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var request = Request();

        var launched = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        var run = Assert.Single(aws.Fake.RequestsFor("RunInstances"));
        Assert.Equal("spot", run["InstanceMarketOptions.MarketType"]);
        Assert.Equal("one-time", run["InstanceMarketOptions.SpotOptions.SpotInstanceType"]);
        Assert.Equal("terminate", run["InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior"]);
        Assert.Equal(Script, Encoding.UTF8.GetString(Convert.FromBase64String(run["UserData"]!)));
        Assert.Equal(request.LaunchToken, run["ClientToken"]);
        Assert.Equal("terminate", run["InstanceInitiatedShutdownBehavior"]);
        Assert.Equal(("1", "1"), (run["MinCount"], run["MaxCount"]));
        Assert.Equal(("g5.xlarge", SubnetA, ImageId), (run["InstanceType"], run["SubnetId"], run["ImageId"]));
        Assert.Equal("tuner-worker", run["IamInstanceProfile.Name"]);
        Assert.Equal([SecurityGroup], run.Values("SecurityGroupId"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["tuner-deployment"] = "prod", ["tuner-launch-token"] = request.LaunchToken, ["tuner-pool"] = "gpu-pool", ["team"] = "ml-platform",
            },
            run.Tags("instance"));
        Assert.Equal(Region, run.SigningRegion);
        var instance = Assert.Single(aws.Fake.Instances);
        Assert.Equal(new LaunchedInstance(instance.InstanceId, "g5.xlarge", ZoneA, CapacityMarket.Spot, null), launched);
    }

    [Fact]
    public async Task Launch_OnDemand_SendsNoMarketOptions()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);

        var launched = await aws.Provider.LaunchAsync(Request(CapacityMarket.OnDemand), CancellationToken.None);

        var run = aws.Fake.RequestsFor("RunInstances").Single();
        Assert.DoesNotContain(run.Form.Keys, key => key.StartsWith("InstanceMarketOptions", StringComparison.Ordinal));
        Assert.Equal(CapacityMarket.OnDemand, launched.Market);
    }

    [Fact]
    public async Task Launch_TriesNextSubnetWithSameToken_WhenZoneHasNoCapacity()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.NoCapacity("g5.xlarge", ZoneA);
        var request = Request();

        var launched = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        var runs = aws.Fake.RequestsFor("RunInstances");
        Assert.Equal([SubnetA, SubnetB], runs.Select(r => r["SubnetId"]));
        Assert.All(runs, run => Assert.Equal(request.LaunchToken, run["ClientToken"]));
        Assert.Equal(ZoneB, launched.Zone);
    }

    [Fact]
    public async Task Launch_ThrowsInsufficientCapacity_AfterTryingEverySubnetOnce()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.NoCapacity("g5.xlarge", ZoneA);
        aws.Fake.NoCapacity("g5.xlarge", ZoneB);

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.InsufficientCapacity, "InsufficientInstanceCapacity"), (error.Kind, error.Code));
        Assert.Contains(SubnetB, error.Message);
        Assert.Equal(2, aws.Fake.RequestsFor("RunInstances").Count);
        Assert.Empty(aws.Fake.Instances);
    }

    [Fact]
    public async Task Launch_ReturnsFirstInstance_WhenRepeatedWithSameToken()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var request = Request();

        var first = await aws.Provider.LaunchAsync(request, CancellationToken.None);
        var again = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(aws.Fake.Instances);
    }

    [Fact]
    public async Task Launch_ReturnsEarlierInstance_WhenTokenAlreadyLaunchedInAnotherSubnet()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.NoCapacity("g5.xlarge", ZoneA);
        var request = Request();
        var first = await aws.Provider.LaunchAsync(request, CancellationToken.None);
        aws.Fake.RestoreCapacity("g5.xlarge", ZoneA);

        var again = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.Single(aws.Fake.Instances);
        Assert.Single(aws.Fake.RequestsFor("DescribeInstances"));
    }

    [Fact]
    public async Task Launch_RejectsStartupScriptOver16KiB_BeforeCallingEc2()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);

        var error = await Assert.ThrowsAsync<CapacityException>(
            () => aws.Provider.LaunchAsync(Request(script: new string('x', 16 * 1024 + 1)), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Rejected, "UserDataTooLarge"), (error.Kind, error.Code));
        Assert.Equal("StartupScript must be at most 16384 bytes (EC2's user-data limit, before base64), but got 16385 bytes", error.Message);
        Assert.Empty(aws.Fake.Requests);
    }
}
