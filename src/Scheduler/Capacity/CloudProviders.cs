namespace Tuner.Scheduler.Capacity;

/// <summary>Which cloud providers this scheduler can use, from the environment, and why the others cannot be used.</summary>
public static class CloudProviders
{
    public static IReadOnlyDictionary<string, string> NotConfigured() => new Dictionary<string, string>
    {
        ["aws"] = "aws capacity is not configured: set TUNER_AWS_REGION, TUNER_AWS_IMAGE_ID and TUNER_AWS_SUBNET_IDS (docs/cloud-capacity.md)",
        ["gcp"] = "gcp capacity is not configured: set TUNER_GCP_PROJECT and TUNER_GCP_ZONES (docs/cloud-capacity.md)",
    };
}
