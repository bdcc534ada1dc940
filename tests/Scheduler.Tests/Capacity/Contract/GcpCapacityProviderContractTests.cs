using Tuner.Core.Capacity;
using Tuner.Scheduler.Tests.Capacity.Gcp;

namespace Tuner.Scheduler.Tests.Capacity.Contract;

/// <summary>The capacity provider contract on Compute Engine (the fake GCE server and the provider's real HTTP
/// client), with a fresh fake per test.</summary>
public sealed class GcpCapacityProviderContractTests : CapacityProviderContract
{
    private GcpHarness? gcp;

    protected override string ExpectedName => "gcp";

    protected override string MissingInstanceId => "us-central1-a/tuner-prod-missing";

    protected override async Task<ICapacityProvider> StartAsync()
    {
        gcp = await GcpHarness.StartAsync();
        return gcp.Provider;
    }

    protected override async Task StopAsync()
    {
        if (gcp is not null)
        {
            await gcp.DisposeAsync();
        }
    }

    protected override LaunchRequest Request(string deployment) => GcpHarness.Request(deployment: deployment);
}
