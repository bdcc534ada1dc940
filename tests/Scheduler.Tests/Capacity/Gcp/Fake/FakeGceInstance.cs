using System.Text.Json.Nodes;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>An instance the fake holds: its insert body as sent, plus the state GCE would keep.</summary>
public sealed class FakeGceInstance(ulong id, string zone, string name, string machineType, JsonObject body)
{
    public string Zone { get; } = zone;
    public string Name { get; } = name;
    public string MachineType { get; } = machineType;
    public JsonObject Body { get; } = body;
    public string Status { get; internal set; } = "PROVISIONING";
    public ulong Id { get; } = id;

    /// <summary>Set by a preemption with termination action DELETE: gone after it has been read once as TERMINATED.</summary>
    internal bool VanishAfterRead { get; set; }

    internal bool HiddenFromLists { get; set; }

    public IReadOnlyDictionary<string, string> Labels =>
        Body["labels"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "") ?? [];

    internal JsonObject ToJson(string projectUrl)
    {
        var json = (JsonObject)Body.DeepClone();
        json["kind"] = "compute#instance";
        json["id"] = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["zone"] = $"{projectUrl}zones/{Zone}";
        json["machineType"] = $"{projectUrl}zones/{Zone}/machineTypes/{MachineType}";
        json["status"] = Status;
        json["selfLink"] = $"{projectUrl}zones/{Zone}/instances/{Name}";
        return json;
    }
}
