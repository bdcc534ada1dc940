namespace Tuner.Trainer;

/// <summary>What the host answers to an epoch report.</summary>
public enum PruneDecision
{
    Continue,
    Prune,
}
