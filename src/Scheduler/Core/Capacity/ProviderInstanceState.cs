namespace Tuner.Core.Capacity;

/// <summary>The provider's view of an instance, mapped from EC2 (pending, running, shutting-down, stopping, stopped)
/// and GCE (PROVISIONING, STAGING, RUNNING, STOPPING, SUSPENDED, TERMINATED).</summary>
public enum ProviderInstanceState
{
    Pending,
    Running,
    Stopping,
    Stopped,
}
