using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>
/// EC2 workers, spot or on-demand, through CreateFleet (instant) or RunInstances as <see cref="AwsCapacityOptions.LaunchApi"/>
/// says. Idempotent by ClientToken = launch token; every instance is tagged with the deployment, launch token, pool and
/// the sweep's labels; EC2's refusals become <see cref="CapacityException"/> with EC2's code.
/// </summary>
public sealed class AwsCapacityProvider : ICapacityProvider, IDisposable
{
    private readonly IAmazonEC2 _ec2;
    private readonly bool _ownsClient;
    private readonly IEc2Launcher _launcher;
    private readonly Ec2InstanceLookup _lookup;
    private readonly SpotPriceLookup _prices;
    private readonly ILogger _logger;

    /// <param name="ec2">The EC2 client to use; the provider does not dispose it.</param>
    public AwsCapacityProvider(AwsCapacityOptions options, IAmazonEC2 ec2, TimeProvider time, ILogger<AwsCapacityProvider>? logger = null)
        : this(options, ec2, ownsClient: false, time, logger)
    {
    }

    private AwsCapacityProvider(AwsCapacityOptions options, IAmazonEC2 ec2, bool ownsClient, TimeProvider time, ILogger? logger)
    {
        _ec2 = ec2;
        _ownsClient = ownsClient;
        _logger = logger ?? NullLogger.Instance;
        _lookup = new Ec2InstanceLookup(ec2, time);
        _prices = new SpotPriceLookup(ec2, time, _logger);
        _launcher = options.LaunchApi == AwsLaunchApi.Fleet
            ? new FleetLauncher(ec2, options, new LaunchTemplates(ec2, options), _lookup)
            : new RunInstancesLauncher(ec2, options);
    }

    public string Name => "aws";

    /// <summary>A provider with its own EC2 client: <paramref name="credentials"/>, or the SDK's default chain when null.</summary>
    public static AwsCapacityProvider Create(AwsCapacityOptions options, TimeProvider time, AWSCredentials? credentials = null,
        ILogger<AwsCapacityProvider>? logger = null) =>
        new(options, Ec2ClientFactory.Create(options, credentials), ownsClient: true, time, logger);

    public async Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken ct)
    {
        if (request.InstanceTypes.Count == 0)
            throw new ArgumentException("InstanceTypes must name at least one EC2 instance type, but got none", nameof(request));
        var userData = StartupUserData.Encode(request.StartupScript);
        var tags = Ec2TagSet.For(request);

        var launch = await LaunchOnceAsync(request, userData, tags, ct);

        var price = launch is { Market: CapacityMarket.Spot, Zone: not null }
            ? await _prices.CurrentAsync(launch.InstanceType, launch.Zone, ct)
            : null;
        _logger.LogInformation("Launched EC2 instance {InstanceId} ({InstanceType}, {Zone}, {Market}) for pool {Pool}, launch {LaunchToken}",
            launch.InstanceId, launch.InstanceType, launch.Zone, launch.Market, request.Pool, request.LaunchToken);
        return new LaunchedInstance(launch.InstanceId, launch.InstanceType, launch.Zone, launch.Market, price);
    }

    private async Task<Ec2Launch> LaunchOnceAsync(LaunchRequest request, string userData, List<Tag> tags, CancellationToken ct)
    {
        try
        {
            return await _launcher.LaunchAsync(request, userData, tags, ct);
        }
        catch (CapacityException e) when (e.Code == Ec2Errors.IdempotentParameterMismatch)
        {
            // The token already launched an instance with other parameters (another subnet or template): return that one.
            var earlier = (await _lookup.FindByTagAsync(InstanceTags.LaunchToken, request.LaunchToken, ct)).FirstOrDefault();
            if (earlier is null)
                throw;
            return Ec2InstanceMapping.ToLaunch(earlier, request.InstanceTypes[0]);
        }
    }

    public async Task TerminateAsync(string instanceId, CancellationToken ct)
    {
        try
        {
            await Ec2Errors.CallAsync("TerminateInstances",
                () => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, ct));
            _logger.LogInformation("Terminated EC2 instance {InstanceId}", instanceId);
        }
        catch (CapacityException e) when (e.Code == Ec2Errors.InstanceNotFound)
        {
            _logger.LogInformation("EC2 instance {InstanceId} was already gone", instanceId);
        }
    }

    public async Task<IReadOnlyList<ProviderInstance>> ListAsync(string deployment, CancellationToken ct)
    {
        var instances = await _lookup.FindByTagAsync(InstanceTags.Deployment, deployment, ct);
        return instances.Select(Ec2InstanceMapping.ToProviderInstance).OfType<ProviderInstance>().ToList();
    }

    public void Dispose()
    {
        if (_ownsClient)
            _ec2.Dispose();
    }
}
