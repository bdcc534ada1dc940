namespace Tuner.Capacity.Gcp;

/// <summary>
/// A VM's id as Tuner stores it: "zone/name" (e.g. "us-central1-a/tuner-prod-0f3c..."), because Compute Engine names
/// are unique only within a zone and every call on a VM needs its zone.
/// </summary>
public sealed record GceInstanceId(string Zone, string Name)
{
    public override string ToString() => $"{Zone}/{Name}";

    public static GceInstanceId Parse(string instanceId)
    {
        var parts = instanceId.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ArgumentException($"A GCP instance id must be 'zone/name', but got '{instanceId}'", nameof(instanceId));
        return new GceInstanceId(parts[0], parts[1]);
    }
}
