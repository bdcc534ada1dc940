using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Core.Capacity;
using Tuner.Scheduling.Capacity.Local;

namespace Tuner.Scheduler.Tests.Capacity.Contract;

/// <summary>The capacity provider contract on this machine: each worker is a real process (a `sleep` standing in for
/// `tuner worker`), in a fresh state directory per test.</summary>
public sealed class LocalCapacityProviderContractTests : CapacityProviderContract
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tuner-local-capacity-");

    protected override string ExpectedName => "local";

    protected override string MissingInstanceId => "local-000000000000";

    protected override Task<ICapacityProvider> StartAsync() =>
        Task.FromResult<ICapacityProvider>(new LocalCapacityProvider(
            new LocalCapacityOptions(Path.Combine(directory.FullName, "state"), Path.Combine(directory.FullName, "logs"), MaxWorkers: 4,
                StopGrace: TimeSpan.FromSeconds(5)),
            NullLogger<LocalCapacityProvider>.Instance));

    protected override Task StopAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    protected override LaunchRequest Request(string deployment) =>
        new(Guid.NewGuid().ToString(), deployment, "local", ["local"], CapacityMarket.OnDemand, 0, "exec sleep 300",
            new Dictionary<string, string>());
}
