using Amazon.Runtime;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using Tuner.Scheduler.Tests.Capacity.Aws.Fake;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

/// <summary>The fake EC2 and a provider pointed at it with the real AWSSDK.EC2 client (credentials test/test).</summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string SubnetA = "subnet-0000000000000000a";
    public const string SubnetB = "subnet-0000000000000000b";
    public const string ZoneA = "us-east-1a";
    public const string ZoneB = "us-east-1b";
    public const string ImageId = "ami-0123456789abcdef0";
    public const string SecurityGroup = "sg-0123456789abcdef0";
    public const string Script = "#!/bin/sh\ndocker run --rm -e TUNER_DATABASE_URL='Host=db;Password=s3cret' tuner-worker\n";

    private AwsHarness(Ec2Fake fake, AwsCapacityOptions options, AwsCapacityProvider provider)
    {
        Fake = fake;
        Options = options;
        Provider = provider;
    }

    public Ec2Fake Fake { get; }
    public AwsCapacityOptions Options { get; }
    public AwsCapacityProvider Provider { get; }

    /// <param name="configure">Changes to the default options (both subnets, one security group, an instance profile,
    /// no SDK retries so every injected failure reaches the provider).</param>
    public static async Task<AwsHarness> StartAsync(AwsLaunchApi api, Func<AwsCapacityOptions, AwsCapacityOptions>? configure = null)
    {
        var fake = await Ec2Fake.StartAsync();
        fake.AddSubnet(SubnetA, ZoneA);
        fake.AddSubnet(SubnetB, ZoneB);
        var options = new AwsCapacityOptions(Region, ImageId, [SubnetA, SubnetB], [SecurityGroup], "tuner-worker", "ops-key", api, fake.Url)
        {
            MaxErrorRetry = 0,
        };
        options = configure?.Invoke(options) ?? options;
        return new AwsHarness(fake, options, NewProvider(options));
    }

    /// <summary>Another provider (another scheduler process) on the same fake.</summary>
    public static AwsCapacityProvider NewProvider(AwsCapacityOptions options) =>
        AwsCapacityProvider.Create(options, TimeProvider.System, new BasicAWSCredentials("test", "test"));

    public static LaunchRequest Request(CapacityMarket market = CapacityMarket.Spot, string? token = null, string script = Script,
        IReadOnlyList<string>? types = null, IReadOnlyDictionary<string, string>? labels = null) =>
        new(token ?? Guid.NewGuid().ToString(), "prod", "gpu-pool", types ?? ["g5.xlarge", "g4dn.xlarge"], market, 1, script,
            labels ?? new Dictionary<string, string> { ["team"] = "ml-platform" });

    public async ValueTask DisposeAsync()
    {
        Provider.Dispose();
        await Fake.DisposeAsync();
    }
}
