using System.Text;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class FleetLaunchTests
{
    [Fact]
    public async Task Launch_CreatesInstantSpotFleet_OverEveryInstanceTypeAndSubnet()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        var request = Request();

        var launched = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        var fleet = Assert.Single(aws.Fake.RequestsFor("CreateFleet"));
        Assert.Equal("instant", fleet["Type"]);
        Assert.Equal(request.LaunchToken, fleet["ClientToken"]);
        Assert.Equal("1", fleet["TargetCapacitySpecification.TotalTargetCapacity"]);
        Assert.Equal("spot", fleet["TargetCapacitySpecification.DefaultTargetCapacityType"]);
        Assert.Equal("price-capacity-optimized", fleet["SpotOptions.AllocationStrategy"]);
        Assert.Null(fleet["OnDemandOptions.AllocationStrategy"]);
        Assert.Equal(aws.Fake.LaunchTemplates.Single().Id, fleet["LaunchTemplateConfigs.1.LaunchTemplateSpecification.LaunchTemplateId"]);
        var overrides = Enumerable.Range(1, fleet.Count("LaunchTemplateConfigs.1.Overrides"))
            .Select(i => (fleet[$"LaunchTemplateConfigs.1.Overrides.{i}.InstanceType"], fleet[$"LaunchTemplateConfigs.1.Overrides.{i}.SubnetId"]));
        Assert.Equal(
            [("g5.xlarge", SubnetA), ("g5.xlarge", SubnetB), ("g4dn.xlarge", SubnetA), ("g4dn.xlarge", SubnetB)],
            overrides);
        var instance = Assert.Single(aws.Fake.Instances);
        Assert.Equal(new LaunchedInstance(instance.InstanceId, "g5.xlarge", ZoneA, CapacityMarket.Spot, null), launched);
        Assert.True(instance.Spot);
    }

    [Fact]
    public async Task Launch_TagsInstanceAndFleet_WithDeploymentTokenPoolAndLabels()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        var request = Request();

        await aws.Provider.LaunchAsync(request, CancellationToken.None);

        var expected = new Dictionary<string, string>
        {
            ["tuner-deployment"] = "prod", ["tuner-launch-token"] = request.LaunchToken, ["tuner-pool"] = "gpu-pool", ["team"] = "ml-platform",
        };
        var fleet = aws.Fake.RequestsFor("CreateFleet").Single();
        Assert.Equal(expected, fleet.Tags("instance"));
        Assert.Equal(expected, fleet.Tags("fleet"));
        Assert.Equal(expected, aws.Fake.Instances.Single().Tags);
    }

    [Fact]
    public async Task Launch_PutsScriptImageProfileGroupsAndKey_InLaunchTemplate()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        var create = aws.Fake.RequestsFor("CreateLaunchTemplate").Single();
        Assert.Equal(Script, Encoding.UTF8.GetString(Convert.FromBase64String(create["LaunchTemplateData.UserData"]!)));
        Assert.Equal(ImageId, create["LaunchTemplateData.ImageId"]);
        Assert.Equal("tuner-worker", create["LaunchTemplateData.IamInstanceProfile.Name"]);
        Assert.Equal([SecurityGroup], create.Values("LaunchTemplateData.SecurityGroupId"));
        Assert.Equal("ops-key", create["LaunchTemplateData.KeyName"]);
        Assert.Equal("required", create["LaunchTemplateData.MetadataOptions.HttpTokens"]);
        Assert.Equal("terminate", create["LaunchTemplateData.InstanceInitiatedShutdownBehavior"]);
        Assert.Matches("^tuner-prod-gpu-pool-[0-9a-f]{12}$", create["LaunchTemplateName"]);
        Assert.Equal(new Dictionary<string, string> { ["tuner-deployment"] = "prod" }, create.Tags("launch-template"));
    }

    [Fact]
    public async Task Launch_UsesInstanceProfileArn_WhenProfileIsAnArn()
    {
        const string arn = "arn:aws:iam::123456789012:instance-profile/tuner-worker";
        await using var aws = await StartAsync(AwsLaunchApi.Fleet, options => options with { InstanceProfile = arn });

        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        var create = aws.Fake.RequestsFor("CreateLaunchTemplate").Single();
        Assert.Equal(arn, create["LaunchTemplateData.IamInstanceProfile.Arn"]);
        Assert.Null(create["LaunchTemplateData.IamInstanceProfile.Name"]);
    }

    [Fact]
    public async Task Launch_OnDemand_PrioritisesInstanceTypesInRequestOrder()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        var launched = await aws.Provider.LaunchAsync(Request(CapacityMarket.OnDemand, types: ["m7i.large", "m6i.large"]), CancellationToken.None);

        var fleet = aws.Fake.RequestsFor("CreateFleet").Single();
        Assert.Equal("on-demand", fleet["TargetCapacitySpecification.DefaultTargetCapacityType"]);
        Assert.Equal("prioritized", fleet["OnDemandOptions.AllocationStrategy"]);
        Assert.Null(fleet["SpotOptions.AllocationStrategy"]);
        Assert.Equal(["0", "0", "1", "1"], Enumerable.Range(1, 4).Select(i => fleet[$"LaunchTemplateConfigs.1.Overrides.{i}.Priority"]));
        Assert.Equal(CapacityMarket.OnDemand, launched.Market);
        Assert.Equal("m7i.large", launched.InstanceType);
        Assert.False(aws.Fake.Instances.Single().Spot);
    }

    [Fact]
    public async Task Launch_LaunchesInNextPool_WhenFirstPoolHasNoCapacity()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        aws.Fake.NoCapacity("g5.xlarge", ZoneA);

        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Equal(("g5.xlarge", ZoneB), (launched.InstanceType, launched.Zone));
    }

    [Fact]
    public async Task Launch_ReturnsFirstInstance_WhenRepeatedWithSameToken()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        var request = Request();

        var first = await aws.Provider.LaunchAsync(request, CancellationToken.None);
        var again = await aws.Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.Single(aws.Fake.Instances);
        Assert.Equal(2, aws.Fake.RequestsFor("CreateFleet").Count);
    }

    [Fact]
    public async Task Launch_FindsZoneWithDescribeInstances_WhenFleetAnswerHasNoZone()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        aws.Fake.FleetAnswersWithoutZone = true;
        aws.Fake.NoCapacity("g5.xlarge", ZoneA);

        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Equal(ZoneB, launched.Zone);
        Assert.Equal([launched.InstanceId], aws.Fake.RequestsFor("DescribeInstances").Single().Values("InstanceId"));
    }
}
