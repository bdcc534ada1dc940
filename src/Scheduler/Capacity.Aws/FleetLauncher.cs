using Amazon.EC2;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>
/// CreateFleet of type instant for one instance over every instance type × subnet: spot with price-capacity-optimized,
/// or on-demand prioritized by the request's order of instance types. An instant fleet that launched nothing reports
/// why in its errors; the first error's code becomes the <see cref="CapacityException"/>.
/// </summary>
internal sealed class FleetLauncher(IAmazonEC2 ec2, AwsCapacityOptions options, LaunchTemplates templates, Ec2InstanceLookup lookup)
    : IEc2Launcher
{
    public async Task<Ec2Launch> LaunchAsync(LaunchRequest request, string userData, List<Tag> tags, CancellationToken ct)
    {
        var templateId = await templates.EnsureAsync(request, userData, ct);
        var fleet = Build(request, templateId, tags);
        var response = await Ec2Errors.CallAsync("CreateFleet", () => ec2.CreateFleetAsync(fleet, ct));
        var launched = response.Instances?.FirstOrDefault(instance => instance.InstanceIds is { Count: > 0 });
        if (launched is null)
        {
            var error = response.Errors?.FirstOrDefault();
            var code = string.IsNullOrEmpty(error?.ErrorCode) ? "UnfulfillableCapacity" : error.ErrorCode;
            throw Ec2Errors.ToCapacity("CreateFleet", code, error?.ErrorMessage ?? "the instant fleet launched no instance");
        }

        var instanceId = launched.InstanceIds[0];
        var zone = launched.AvailabilityZone
                   ?? launched.LaunchTemplateAndOverrides?.Overrides?.AvailabilityZone
                   ?? (await lookup.DescribeAsync(instanceId, ct))?.Placement?.AvailabilityZone;
        var type = launched.InstanceType?.Value ?? launched.LaunchTemplateAndOverrides?.Overrides?.InstanceType?.Value
                   ?? request.InstanceTypes[0];
        var market = launched.Lifecycle is null ? request.Market
            : launched.Lifecycle == InstanceLifecycle.Spot ? CapacityMarket.Spot : CapacityMarket.OnDemand;
        return new Ec2Launch(instanceId, type, zone, market);
    }

    private CreateFleetRequest Build(LaunchRequest request, string templateId, List<Tag> tags)
    {
        var spot = request.Market == CapacityMarket.Spot;
        var overrides = request.InstanceTypes
            .SelectMany((type, preference) => options.SubnetIds.Select(subnet => new FleetLaunchTemplateOverridesRequest
            {
                InstanceType = InstanceType.FindValue(type),
                SubnetId = subnet,
                Priority = spot && !request.TypesByMeasuredCost ? null : preference,
            }))
            .ToList();
        return new CreateFleetRequest
        {
            Type = FleetType.Instant,
            ClientToken = request.LaunchToken,
            TargetCapacitySpecification = new TargetCapacitySpecificationRequest
            {
                TotalTargetCapacity = 1,
                DefaultTargetCapacityType = spot ? DefaultTargetCapacityType.Spot : DefaultTargetCapacityType.OnDemand,
            },
            SpotOptions = spot
                ? new SpotOptionsRequest
                {
                    // The lowest price per hour is not the lowest cost per epoch: once the sweep has measured its types
                    // (right-sizing), the fleet follows that order where capacity allows.
                    AllocationStrategy = request.TypesByMeasuredCost ? SpotAllocationStrategy.CapacityOptimizedPrioritized : SpotAllocationStrategy.PriceCapacityOptimized,
                    InstanceInterruptionBehavior = SpotInstanceInterruptionBehavior.Terminate,
                }
                : null,
            OnDemandOptions = spot ? null : new OnDemandOptionsRequest { AllocationStrategy = FleetOnDemandAllocationStrategy.Prioritized },
            LaunchTemplateConfigs =
            [
                new FleetLaunchTemplateConfigRequest
                {
                    LaunchTemplateSpecification = new FleetLaunchTemplateSpecificationRequest { LaunchTemplateId = templateId, Version = "$Default" },
                    Overrides = overrides,
                },
            ],
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.Instance, Tags = tags },
                new TagSpecification { ResourceType = ResourceType.Fleet, Tags = tags },
            ],
        };
    }
}
