namespace Tuner.Trainer;

/// <summary>How a call to <see cref="TrialRunner.RunAsync"/> ended (failures throw <see cref="TrialFailedException"/>).</summary>
public enum TrialOutcomeKind
{
    Completed,
    Pruned,
    Preempted,
}
