using Tuner.Capacity.Aws;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

/// <summary>A scheduler that dies after EC2 launched but before it heard the answer: the instance is found by its tags,
/// and launching again with the same token returns it instead of a second one.</summary>
public sealed class InterruptedLaunchTests
{
    [Theory]
    [InlineData(AwsLaunchApi.Fleet)]
    [InlineData(AwsLaunchApi.RunInstances)]
    public async Task LaunchedInstance_IsListedAndReturnedAgain_WhenCallerGaveUpBeforeAnswer(AwsLaunchApi api)
    {
        await using var aws = await StartAsync(api);
        var hold = aws.Fake.HoldNextLaunch();
        var request = Request();
        using var crash = new CancellationTokenSource();

        var interrupted = aws.Provider.LaunchAsync(request, crash.Token);
        var heldInstance = await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        hold.Release();

        using var restarted = NewProvider(aws.Options);
        var listed = Assert.Single(await restarted.ListAsync("prod", CancellationToken.None));
        var relaunched = await restarted.LaunchAsync(request, CancellationToken.None);

        Assert.Equal((heldInstance, request.LaunchToken), (listed.InstanceId, listed.LaunchToken));
        Assert.Equal(heldInstance, relaunched.InstanceId);
        Assert.Single(aws.Fake.Instances);
    }
}
