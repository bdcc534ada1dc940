using System.Globalization;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>
/// CreateFleet of type instant with one launch template config: tries the overrides in order (on-demand, and spot with
/// capacity-optimized-prioritized, by Priority; other spot strategies by known spot price, lowest first), reports each pool without capacity in errorSet and launches into the first
/// with capacity. The fleet exists whatever happened, so a repeated ClientToken answers exactly as the first call did.
/// </summary>
internal static class FakeCreateFleet
{
    private const string Config = "LaunchTemplateConfigs.1";

    public static XElement Handle(Ec2FakeState state, Ec2FakeRequest request, string requestId, List<Ec2FakeInstance> launched,
        string? failure)
    {
        var token = request["ClientToken"];
        if (token is not null && state.Idempotency.TryGetValue(("CreateFleet", token), out var earlier))
        {
            if (earlier.Fingerprint != request.Fingerprint())
                throw new Ec2FakeError("IdempotentParameterMismatch", "The client token has been used with different parameters.");
            return Response("CreateFleet", requestId, (object[])earlier.Answer);
        }
        if (request["Type"] != "instant")
            throw new Ec2FakeError("InvalidParameterValue", $"The fake supports only instant fleets, but got Type={request["Type"]}");
        var template = Template(state, request);
        var capacity = int.Parse(request["TargetCapacitySpecification.TotalTargetCapacity"] ?? "0", CultureInfo.InvariantCulture);
        var spot = request["TargetCapacitySpecification.DefaultTargetCapacityType"] switch
        {
            "spot" => true,
            "on-demand" => false,
            var other => throw new Ec2FakeError("InvalidParameterValue", $"DefaultTargetCapacityType '{other}' is not valid"),
        };
        var lifecycle = spot ? "spot" : "on-demand";

        var errors = new List<XElement[]>();
        var instances = new List<XElement[]>();
        foreach (var (type, subnet) in Overrides(state, request, spot))
        {
            if (instances.Count == capacity)
                break;
            var pool = E("launchTemplateAndOverrides",
                E("launchTemplateSpecification", E("launchTemplateId", template.Id), E("version", "1")),
                E("overrides", E("instanceType", type), E("subnetId", subnet)));
            try
            {
                if (failure is not null)
                    throw new Ec2FakeError(failure, $"{failure} (injected)");
                var instance = state.Launch(type, subnet, template.Data["LaunchTemplateData.ImageId"], spot, token,
                    request.Tags("instance"), template.Data.GetValueOrDefault("LaunchTemplateData.UserData"));
                launched.Add(instance);
                XElement?[] item = [pool, E("lifecycle", lifecycle), Items("instanceIds", [instance.InstanceId]), E("instanceType", type),
                    state.FleetAnswersWithoutZone ? null : E("availabilityZone", instance.Zone), E("subnetId", subnet), E("platform", "")];
                instances.Add(item.OfType<XElement>().ToArray());
            }
            catch (Ec2FakeError e)
            {
                errors.Add([pool, E("lifecycle", lifecycle), E("errorCode", e.Code), E("errorMessage", e.Message)]);
            }
        }

        object[] answer = [E("fleetId", $"fleet-{Guid.NewGuid()}"), Items("errorSet", errors), Items("fleetInstanceSet", instances)];
        if (token is not null)
            state.Idempotency[("CreateFleet", token)] = (request.Fingerprint(), answer);
        return Response("CreateFleet", requestId, answer);
    }

    private static FakeLaunchTemplate Template(Ec2FakeState state, Ec2FakeRequest request)
    {
        var id = request[$"{Config}.LaunchTemplateSpecification.LaunchTemplateId"];
        var name = request[$"{Config}.LaunchTemplateSpecification.LaunchTemplateName"];
        return state.TemplatesByName.Values.FirstOrDefault(t => t.Id == id || t.Name == name)
               ?? throw new Ec2FakeError("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");
    }

    private static IEnumerable<(string Type, string Subnet)> Overrides(Ec2FakeState state, Ec2FakeRequest request, bool spot)
    {
        var overrides = Enumerable.Range(1, request.Count($"{Config}.Overrides"))
            .Select(i => (
                Type: request[$"{Config}.Overrides.{i}.InstanceType"] ?? throw new Ec2FakeError("MissingParameter", "Overrides need an InstanceType"),
                Subnet: request[$"{Config}.Overrides.{i}.SubnetId"] ?? throw new Ec2FakeError("MissingParameter", "Overrides need a SubnetId"),
                Priority: double.Parse(request[$"{Config}.Overrides.{i}.Priority"] ?? "0", CultureInfo.InvariantCulture)))
            .ToList();
        return spot && request["SpotOptions.AllocationStrategy"] != "capacity-optimized-prioritized"
            ? overrides.OrderBy(o => state.SpotPrices.Where(p => p.Type == o.Type).Select(p => p.Price).DefaultIfEmpty(decimal.MaxValue).Min())
                .Select(o => (o.Type, o.Subnet))
            : overrides.OrderBy(o => o.Priority).Select(o => (o.Type, o.Subnet));
    }
}
