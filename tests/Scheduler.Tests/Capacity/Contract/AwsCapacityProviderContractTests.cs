using Tuner.Capacity.Aws;
using Tuner.Core.Capacity;
using Tuner.Scheduler.Tests.Capacity.Aws;

namespace Tuner.Scheduler.Tests.Capacity.Contract;

/// <summary>The capacity provider contract on EC2 (the fake EC2 server and the real AWS SDK), launching through
/// RunInstances.</summary>
public sealed class AwsRunInstancesCapacityProviderContractTests : AwsCapacityProviderContract
{
    protected override AwsLaunchApi Api => AwsLaunchApi.RunInstances;
}

/// <summary>The capacity provider contract on EC2 (the fake EC2 server and the real AWS SDK), launching through an
/// instant fleet.</summary>
public sealed class AwsFleetCapacityProviderContractTests : AwsCapacityProviderContract
{
    protected override AwsLaunchApi Api => AwsLaunchApi.Fleet;
}

/// <summary>The AWS provider against a fresh fake EC2 per test, with the launch API the derived class names.</summary>
public abstract class AwsCapacityProviderContract : CapacityProviderContract
{
    private AwsHarness? aws;

    protected abstract AwsLaunchApi Api { get; }

    protected override string ExpectedName => "aws";

    protected override string MissingInstanceId => "i-0123456789abcdef0";

    protected override async Task<ICapacityProvider> StartAsync()
    {
        aws = await AwsHarness.StartAsync(Api);
        return aws.Provider;
    }

    protected override async Task StopAsync()
    {
        if (aws is not null)
        {
            await aws.DisposeAsync();
        }
    }

    protected override LaunchRequest Request(string deployment) => AwsHarness.Request() with { Deployment = deployment };
}
