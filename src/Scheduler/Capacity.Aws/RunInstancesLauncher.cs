using Amazon.EC2;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>
/// RunInstances for one instance of the first (preferred) instance type, in each configured subnet in turn while EC2
/// answers insufficient capacity; any other refusal ends the launch. Every attempt carries the launch token as its
/// ClientToken: a failed attempt creates nothing, so the token is still free for the next subnet.
/// </summary>
internal sealed class RunInstancesLauncher(IAmazonEC2 ec2, AwsCapacityOptions options) : IEc2Launcher
{
    public async Task<Ec2Launch> LaunchAsync(LaunchRequest request, string userData, List<Tag> tags, CancellationToken ct)
    {
        var type = request.InstanceTypes[0];
        CapacityException? last = null;
        foreach (var subnet in options.SubnetIds)
        {
            try
            {
                var response = await Ec2Errors.CallAsync("RunInstances",
                    () => ec2.RunInstancesAsync(Build(request, type, subnet, userData, tags), ct));
                return Ec2InstanceMapping.ToLaunch(response.Reservation.Instances[0], type);
            }
            catch (CapacityException e) when (e.Kind == CapacityErrorKind.InsufficientCapacity)
            {
                last = e;
            }
        }
        throw new CapacityException(CapacityErrorKind.InsufficientCapacity, last!.Code,
            $"EC2 RunInstances found no {type} capacity in any subnet ({string.Join(", ", options.SubnetIds)}); " +
            $"last error: {last.Message}", last);
    }

    private RunInstancesRequest Build(LaunchRequest request, string type, string subnet, string userData, List<Tag> tags) => new()
    {
        ImageId = options.ImageId,
        InstanceType = InstanceType.FindValue(type),
        MinCount = 1,
        MaxCount = 1,
        SubnetId = subnet,
        ClientToken = request.LaunchToken,
        UserData = userData,
        // The worker powers the machine off when it exits: that must end the instance, not leave it stopped.
        InstanceInitiatedShutdownBehavior = ShutdownBehavior.Terminate,
        KeyName = options.KeyName,
        SecurityGroupIds = options.SecurityGroupIds.Count > 0 ? [.. options.SecurityGroupIds] : null,
        IamInstanceProfile = options.InstanceProfile is null ? null
            : options.InstanceProfileIsArn ? new IamInstanceProfileSpecification { Arn = options.InstanceProfile }
            : new IamInstanceProfileSpecification { Name = options.InstanceProfile },
        InstanceMarketOptions = request.Market == CapacityMarket.Spot
            ? new InstanceMarketOptionsRequest
            {
                MarketType = MarketType.Spot,
                SpotOptions = new SpotMarketOptions
                {
                    SpotInstanceType = SpotInstanceType.OneTime,
                    InstanceInterruptionBehavior = InstanceInterruptionBehavior.Terminate,
                },
            }
            : null,
        // IMDSv2 only; two hops so the worker's container reaches the metadata service (spot notices).
        MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpPutResponseHopLimit = 2 },
        // The sweep's labels go on everything the launch creates, so the EC2 bill splits by them: the instance, its
        // volumes and, for spot, its request.
        TagSpecifications =
        [
            new TagSpecification { ResourceType = ResourceType.Instance, Tags = tags },
            new TagSpecification { ResourceType = ResourceType.Volume, Tags = tags },
            .. request.Market == CapacityMarket.Spot ? [new TagSpecification { ResourceType = ResourceType.SpotInstancesRequest, Tags = tags }] : Array.Empty<TagSpecification>(),
        ],
    };
}
