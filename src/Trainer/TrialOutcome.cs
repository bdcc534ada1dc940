namespace Tuner.Trainer;

/// <summary>The end of one run of a trial. <paramref name="Position"/> is where training stopped;
/// <paramref name="EpochsTrained"/> counts the epochs finished in this run (a resumed partial epoch counts once, when it
/// finishes); <paramref name="History"/> holds every epoch's report since the trial began, earlier runs included.</summary>
public sealed record TrialOutcome(
    TrialOutcomeKind Kind,
    TrainingPosition Position,
    int EpochsTrained,
    IReadOnlyList<EpochReport> History)
{
    /// <summary>Batches trained in this run.</summary>
    public int BatchesTrained { get; init; }
}
