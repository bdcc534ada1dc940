using System.Text.Json.Nodes;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>The fields of a Compute Engine instance the provider reads.</summary>
internal sealed record GceInstance(string Name, string Zone, string MachineType, string Status, CapacityMarket Market,
    IReadOnlyDictionary<string, string> Labels)
{
    public GceInstanceId Id => new(Zone, Name);

    public static GceInstance From(JsonNode json)
    {
        var scheduling = json["scheduling"];
        var spot = (string?)scheduling?["provisioningModel"] == "SPOT" || (bool?)scheduling?["preemptible"] == true;
        var labels = json["labels"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "") ?? [];
        return new GceInstance(
            Name: (string?)json["name"] ?? "",
            Zone: LastSegment((string?)json["zone"]),
            MachineType: LastSegment((string?)json["machineType"]),
            Status: (string?)json["status"] ?? "PROVISIONING",
            Market: spot ? CapacityMarket.Spot : CapacityMarket.OnDemand,
            Labels: labels);
    }

    /// <summary>GCE's status as Tuner sees it. TERMINATED (a VM that powered itself off, or a spot VM stopped by
    /// preemption) is Stopped: it still holds its disk, so the reconciler deletes it.</summary>
    public ProviderInstanceState? State => Status switch
    {
        "PROVISIONING" or "STAGING" or "PENDING" => ProviderInstanceState.Pending,
        "RUNNING" or "REPAIRING" => ProviderInstanceState.Running,
        "STOPPING" or "SUSPENDING" => ProviderInstanceState.Stopping,
        "SUSPENDED" or "STOPPED" or "TERMINATED" => ProviderInstanceState.Stopped,
        _ => null,
    };

    private static string LastSegment(string? url) => url is null ? "" : url[(url.LastIndexOf('/') + 1)..];
}
