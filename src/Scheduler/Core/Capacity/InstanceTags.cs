namespace Tuner.Core.Capacity;

/// <summary>The tags (EC2) and labels (GCE) Tuner puts on every machine it launches. GCE label keys allow only
/// lowercase letters, digits, '-' and '_', so these names suit both.</summary>
public static class InstanceTags
{
    public const string Deployment = "tuner-deployment";
    public const string LaunchToken = "tuner-launch-token";
    public const string Pool = "tuner-pool";
}
