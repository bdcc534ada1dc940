using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData("InsufficientInstanceCapacity", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("InsufficientCapacity", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("SpotMaxPriceTooLow", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("MaxSpotInstanceCountExceeded", CapacityErrorKind.Quota)]
    [InlineData("InstanceLimitExceeded", CapacityErrorKind.Quota)]
    [InlineData("VcpuLimitExceeded", CapacityErrorKind.Quota)]
    [InlineData("RequestLimitExceeded", CapacityErrorKind.Throttled)]
    [InlineData("InternalError", CapacityErrorKind.Throttled)]
    [InlineData("UnauthorizedOperation", CapacityErrorKind.Rejected)]
    [InlineData("InvalidAMIID.NotFound", CapacityErrorKind.Rejected)]
    public async Task RunInstances_MapsErrorResponse_ToKindAndKeepsCode(string code, CapacityErrorKind kind)
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances, options => options with { SubnetIds = [SubnetA] });
        aws.Fake.FailNext("RunInstances", code);

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal((kind, code), (error.Kind, error.Code));
        Assert.Contains(code, error.Message);
    }

    [Theory]
    [InlineData("InsufficientInstanceCapacity", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("UnfulfillableCapacity", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("MaxSpotInstanceCountExceeded", CapacityErrorKind.Quota)]
    [InlineData("VcpuLimitExceeded", CapacityErrorKind.Quota)]
    public async Task CreateFleet_MapsFirstFleetError_WhenNoInstanceLaunched(string code, CapacityErrorKind kind)
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        aws.Fake.FailNext("CreateFleet", code);

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal((kind, code), (error.Kind, error.Code));
        Assert.Empty(aws.Fake.Instances);
    }

    [Fact]
    public async Task CreateFleet_ThrowsThrottled_OnRequestLimitExceeded()
    {
        await using var aws = await StartAsync(AwsLaunchApi.Fleet);
        aws.Fake.FailNext("CreateFleet", "RequestLimitExceeded");

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Throttled, "RequestLimitExceeded"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task Launch_Succeeds_WhenSdkRetryAbsorbsOneThrottle()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances, options => options with { MaxErrorRetry = 1 });
        aws.Fake.FailNext("RunInstances", "RequestLimitExceeded");

        await aws.Provider.LaunchAsync(Request(), CancellationToken.None);

        Assert.Equal(2, aws.Fake.RequestsFor("RunInstances").Count);
        Assert.Single(aws.Fake.Instances);
    }

    [Fact]
    public async Task Launch_ThrowsThrottled_WhenThrottlingOutlastsSdkRetries()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances, options => options with { MaxErrorRetry = 1 });
        aws.Fake.FailNext("RunInstances", "RequestLimitExceeded", count: 2);

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal(CapacityErrorKind.Throttled, error.Kind);
        Assert.Equal(2, aws.Fake.RequestsFor("RunInstances").Count);
    }

    [Fact]
    public async Task Terminate_ThrowsRejected_WhenNotAuthorised()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        var launched = await aws.Provider.LaunchAsync(Request(), CancellationToken.None);
        aws.Fake.FailNext("TerminateInstances", "UnauthorizedOperation");

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.TerminateAsync(launched.InstanceId, CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Rejected, "UnauthorizedOperation"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task List_ThrowsThrottled_OnRequestLimitExceeded()
    {
        await using var aws = await StartAsync(AwsLaunchApi.RunInstances);
        aws.Fake.FailNext("DescribeInstances", "RequestLimitExceeded");

        var error = await Assert.ThrowsAsync<CapacityException>(() => aws.Provider.ListAsync("prod", CancellationToken.None));

        Assert.Equal(CapacityErrorKind.Throttled, error.Kind);
    }

    [Theory]
    [InlineData("capacity-not-available", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("InsufficientHostCapacity", CapacityErrorKind.InsufficientCapacity)]
    [InlineData("MaxFleetCountExceeded", CapacityErrorKind.Quota)]
    [InlineData("Throttling", CapacityErrorKind.Throttled)]
    [InlineData("Unavailable", CapacityErrorKind.Throttled)]
    [InlineData("InvalidParameterValue", CapacityErrorKind.Rejected)]
    [InlineData("AuthFailure", CapacityErrorKind.Rejected)]
    public void KindOf_ClassifiesEc2Codes(string code, CapacityErrorKind kind) => Assert.Equal(kind, Ec2Errors.KindOf(code));

    [Fact]
    public async Task Launch_ThrowsThrottledNetworkError_WhenEc2IsUnreachable()
    {
        int port;
        await using (var gone = await Fake.Ec2Fake.StartAsync())
            port = gone.Url.Port;
        using var provider = NewProvider(new AwsCapacityOptions(Region, ImageId, [SubnetA], [], LaunchApi: AwsLaunchApi.RunInstances,
            Endpoint: new Uri($"http://127.0.0.1:{port}/")) { MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAsync<CapacityException>(() => provider.LaunchAsync(Request(), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Throttled, "NetworkError"), (error.Kind, error.Code));
    }
}
