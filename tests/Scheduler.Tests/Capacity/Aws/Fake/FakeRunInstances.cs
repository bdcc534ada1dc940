using System.Globalization;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>RunInstances: MinCount = MaxCount instances in one subnet, spot when InstanceMarketOptions says so;
/// a repeated ClientToken answers with the first call's reservation.</summary>
internal static class FakeRunInstances
{
    public static XElement Handle(Ec2FakeState state, Ec2FakeRequest request, string requestId, List<Ec2FakeInstance> launched)
    {
        var token = request["ClientToken"];
        if (token is not null && state.Idempotency.TryGetValue(("RunInstances", token), out var earlier))
        {
            if (earlier.Fingerprint != request.Fingerprint())
                throw new Ec2FakeError("IdempotentParameterMismatch",
                    "The client token you have provided is associated with a resource that is already deleted or has different parameters.");
            return Reservation(requestId, ((List<string>)earlier.Answer).Select(state.Find).ToList(), pending: false);
        }

        var image = request["ImageId"] ?? throw Missing("ImageId");
        var type = request["InstanceType"] ?? throw Missing("InstanceType");
        var subnet = request["SubnetId"] ?? throw Missing("SubnetId");
        var min = int.Parse(request["MinCount"] ?? throw Missing("MinCount"), CultureInfo.InvariantCulture);
        var max = int.Parse(request["MaxCount"] ?? throw Missing("MaxCount"), CultureInfo.InvariantCulture);
        if (min != max)
            throw new Ec2FakeError("InvalidParameterValue", "The fake launches exactly MinCount = MaxCount instances");
        var spot = request["InstanceMarketOptions.MarketType"] == "spot";
        if (spot && request["InstanceMarketOptions.SpotOptions.SpotInstanceType"] is "one-time" &&
            request["InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior"] is not (null or "terminate"))
            throw new Ec2FakeError("InvalidParameterCombination", "One-time spot instances can only be terminated on interruption");
        FakeUserData.Check(request["UserData"]);

        var reservation = state.NewId("r");
        var instances = Enumerable.Range(0, max)
            .Select(_ => state.Launch(type, subnet, image, spot, token, request.Tags("instance"), request["UserData"], reservation))
            .ToList();
        launched.AddRange(instances);
        if (token is not null)
            state.Idempotency[("RunInstances", token)] = (request.Fingerprint(), instances.Select(i => i.InstanceId).ToList());
        return Reservation(requestId, instances, pending: true);
    }

    private static XElement Reservation(string requestId, List<Ec2FakeInstance> instances, bool pending) =>
        Response("RunInstances", requestId,
            E("reservationId", instances[0].ReservationId),
            E("ownerId", "123456789012"),
            E("groupSet"),
            Items("instancesSet", instances.Select(instance => Instance(instance, pending ? "pending" : null))));

    private static Ec2FakeError Missing(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}");
}
