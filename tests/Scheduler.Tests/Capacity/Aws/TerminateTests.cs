using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class TerminateTests
{
    [Fact]
    public async Task Terminate_TerminatesInstance()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        await aws.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        Assert.Equal([launched.InstanceId], aws.Fake.RequestsFor("TerminateInstances").Single().Values("InstanceId"));
        Assert.Equal("terminated", aws.Fake.Instances.Single().State);
        Assert.Empty(await aws.Provider.ListAsync("prod", CancellationToken.None));
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenInstanceDoesNotExist()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);

        await aws.Provider.TerminateAsync("i-0123456789abcdef0", CancellationToken.None);

        Assert.Single(aws.Fake.RequestsFor("TerminateInstances"));
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenSpotInterruptionAlreadyTerminatedIt()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        aws.Fake.Preempt(launched.InstanceId);

        await aws.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        Assert.Equal("terminated", aws.Fake.Instances.Single().State);
    }
}
