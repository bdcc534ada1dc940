using Tuner.Core.Capacity;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Capacity.Contract;

/// <summary>
/// What every <see cref="ICapacityProvider"/> promises, checked against each implementation: one small derived class
/// per provider starts it (against its fake cloud, speaking the real wire protocol, or on this machine) and says what
/// a launch request and a missing instance look like there. What only one provider does is tested beside it.
/// </summary>
public abstract class CapacityProviderContract : IAsyncLifetime
{
    protected const string Deployment = "prod";
    private const string OtherDeployment = "staging";
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(30);
    private ICapacityProvider? provider;

    /// <summary>What a sweep's <c>capacity.provider</c> names to get this provider.</summary>
    protected abstract string ExpectedName { get; }

    /// <summary>An id of the provider's own form that names no instance.</summary>
    protected abstract string MissingInstanceId { get; }

    private ICapacityProvider Provider => provider ?? throw new InvalidOperationException("the provider has not been started");

    [Fact]
    public void Name_IsWhatASweepNames()
    {
        Assert.Equal(ExpectedName, Provider.Name);
    }

    [Fact]
    public async Task Launch_ReturnsAnInstance_ThatListShowsWithItsLaunchTokenTypeZoneAndMarket()
    {
        var request = Request(Deployment);

        var launched = await Provider.LaunchAsync(request, CancellationToken.None);

        var listed = Assert.Single(await ListAsync(Deployment), i => i.InstanceId == launched.InstanceId);
        Assert.Equal((request.LaunchToken, launched.InstanceType, launched.Zone, launched.Market),
            (listed.LaunchToken, listed.InstanceType, listed.Zone, listed.Market));
        Assert.Contains(listed.State, new[] { ProviderInstanceState.Pending, ProviderInstanceState.Running });
    }

    [Fact]
    public async Task Launch_ReturnsTheSameInstance_WhenCalledAgainWithTheSameLaunchToken()
    {
        var request = Request(Deployment);

        var first = await Provider.LaunchAsync(request, CancellationToken.None);
        var again = await Provider.LaunchAsync(request, CancellationToken.None);

        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.Equal([first.InstanceId], (await ListAsync(Deployment)).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task List_LeavesOutInstancesOfOtherDeployments()
    {
        var mine = await Provider.LaunchAsync(Request(Deployment), CancellationToken.None);
        var theirs = await Provider.LaunchAsync(Request(OtherDeployment), CancellationToken.None);

        Assert.Equal([mine.InstanceId], (await ListAsync(Deployment)).Select(i => i.InstanceId));
        Assert.Equal([theirs.InstanceId], (await ListAsync(OtherDeployment)).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task Terminate_TakesTheInstanceOutOfTheList()
    {
        var launched = await Provider.LaunchAsync(Request(Deployment), CancellationToken.None);

        await Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        await Eventually.HoldsAsync(async () => (await ListAsync(Deployment)).All(i => i.InstanceId != launched.InstanceId),
            EndTimeout, $"instance {launched.InstanceId} to leave the list after its terminate");
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenCalledTwice()
    {
        var launched = await Provider.LaunchAsync(Request(Deployment), CancellationToken.None);

        await Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);
        await Provider.TerminateAsync(launched.InstanceId, CancellationToken.None);

        await Eventually.HoldsAsync(async () => (await ListAsync(Deployment)).Count == 0, EndTimeout, "an empty list");
    }

    [Fact]
    public async Task Terminate_Succeeds_WhenTheInstanceDoesNotExist()
    {
        await Provider.TerminateAsync(MissingInstanceId, CancellationToken.None);

        Assert.Empty(await ListAsync(Deployment));
    }

    public async Task InitializeAsync() => provider = await StartAsync();

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            foreach (var deployment in new[] { Deployment, OtherDeployment })
            {
                foreach (var instance in await ListAsync(deployment))
                {
                    await provider.TerminateAsync(instance.InstanceId, CancellationToken.None);
                }
            }
        }

        await StopAsync();
    }

    /// <summary>Starts the provider (and the fake cloud it talks to).</summary>
    protected abstract Task<ICapacityProvider> StartAsync();

    /// <summary>Stops what <see cref="StartAsync"/> started.</summary>
    protected abstract Task StopAsync();

    /// <summary>A launch request for one worker of <paramref name="deployment"/>, with a fresh launch token.</summary>
    protected abstract LaunchRequest Request(string deployment);

    private Task<IReadOnlyList<ProviderInstance>> ListAsync(string deployment) => Provider.ListAsync(deployment, CancellationToken.None);
}
