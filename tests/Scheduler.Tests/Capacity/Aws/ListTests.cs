using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class ListTests
{
    private static Dictionary<string, string> Tags(string deployment, string? token = null)
    {
        var tags = new Dictionary<string, string> { ["tuner-deployment"] = deployment };
        if (token is not null)
            tags["tuner-launch-token"] = token;
        return tags;
    }

    [Fact]
    public async Task List_ReturnsOnlyThisDeploymentsInstances_ThatAreNotTerminated()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var mine = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        var preempted = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        aws.Fake.Preempt(preempted.InstanceId);
        aws.Fake.AddInstance("g5.xlarge", SubnetA, Tags("staging"));
        aws.Fake.AddInstance("g5.xlarge", SubnetA, new Dictionary<string, string>());

        var listed = await aws.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal([mine.InstanceId], listed.Select(i => i.InstanceId));
        var filters = aws.Fake.RequestsFor("DescribeInstances").Single();
        Assert.Equal(("tag:tuner-deployment", "prod"), (filters["Filter.1.Name"], filters["Filter.1.Value.1"]));
    }

    [Fact]
    public async Task List_MapsStatesMarketTokenTypeAndZone()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var states = new[] { "pending", "running", "shutting-down", "stopping", "stopped" };
        var ids = states.Select((state, i) =>
            aws.Fake.AddInstance("m7i.large", SubnetB, Tags("prod", $"token-{i}"), spot: i % 2 == 0, state).InstanceId).ToList();

        var listed = await aws.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal(
            [
                new ProviderInstance(ids[0], "token-0", ProviderInstanceState.Pending, "m7i.large", ZoneB, CapacityMarket.Spot),
                new ProviderInstance(ids[1], "token-1", ProviderInstanceState.Running, "m7i.large", ZoneB, CapacityMarket.OnDemand),
                new ProviderInstance(ids[2], "token-2", ProviderInstanceState.Stopping, "m7i.large", ZoneB, CapacityMarket.Spot),
                new ProviderInstance(ids[3], "token-3", ProviderInstanceState.Stopping, "m7i.large", ZoneB, CapacityMarket.OnDemand),
                new ProviderInstance(ids[4], "token-4", ProviderInstanceState.Stopped, "m7i.large", ZoneB, CapacityMarket.Spot),
            ],
            listed);
    }

    [Fact]
    public async Task List_ReturnsNullToken_ForInstanceWithoutTokenTag()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.AddInstance("g5.xlarge", SubnetA, Tags("prod"));

        var listed = Assert.Single(await aws.Provider.ListAsync("prod", CancellationToken.None));

        Assert.Null(listed.LaunchToken);
    }

    [Fact]
    public async Task List_FollowsNextToken_AcrossPages()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.MaxPageSize = 2;
        var ids = Enumerable.Range(0, 5).Select(_ => aws.Fake.AddInstance("g5.xlarge", SubnetA, Tags("prod")).InstanceId).ToList();

        var listed = await aws.Provider.ListAsync("prod", CancellationToken.None);

        Assert.Equal(ids, listed.Select(i => i.InstanceId));
        var pages = aws.Fake.RequestsFor("DescribeInstances");
        Assert.Equal([null, "2", "4"], pages.Select(p => p["NextToken"]));
    }

    [Fact]
    public async Task List_ReturnsNothing_ForDeploymentWithoutInstances()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        Assert.Empty(await aws.Provider.ListAsync("prod", CancellationToken.None));
    }
}
