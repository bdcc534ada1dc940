using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>TerminateInstances: every id must exist (else InvalidInstanceID.NotFound and nothing changes); the answer
/// says shutting-down, and the fake moves the instance straight on to terminated.</summary>
internal static partial class FakeTerminateInstances
{
    public static XElement Handle(Ec2FakeState state, Ec2FakeRequest request, string requestId)
    {
        var ids = request.Values("InstanceId");
        foreach (var id in ids.Where(id => !IdPattern().IsMatch(id)))
            throw new Ec2FakeError("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"");
        var instances = ids.Select(state.Find).ToList();
        var items = instances.Select(instance =>
        {
            var previous = instance.State;
            instance.State = "terminated";
            instance.StateReasonCode ??= "Client.UserInitiatedShutdown";
            return new[]
            {
                E("instanceId", instance.InstanceId),
                State("currentState", previous == "terminated" ? "terminated" : "shutting-down"),
                State("previousState", previous),
            };
        }).ToList();
        return Response("TerminateInstances", requestId, Items("instancesSet", items));
    }

    [GeneratedRegex("^i-[0-9a-f]{8,17}$")]
    private static partial Regex IdPattern();
}
