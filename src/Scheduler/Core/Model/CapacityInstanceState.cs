namespace Tuner.Core.Model;

public enum CapacityInstanceState
{
    /// <summary>Recorded, launch call made or about to be; the provider's id is not known yet.</summary>
    Requested,

    /// <summary>The provider has it (pending or running).</summary>
    Running,

    /// <summary>Tuner asked for it to go; the reconciler repeats the call until the provider no longer lists it.</summary>
    Terminating,

    /// <summary>Gone from the provider: terminated, preempted, or never launched.</summary>
    Ended,
}
