namespace Tuner.Capacity.Gcp;

/// <summary>What Compute Engine does with a spot VM it takes back (scheduling.instanceTerminationAction).</summary>
public enum GcpTerminationAction
{
    /// <summary>The VM and its boot disk are deleted: nothing is left to pay for.</summary>
    Delete,

    /// <summary>The VM is stopped (status TERMINATED) and keeps its disk until someone deletes it.</summary>
    Stop,
}
