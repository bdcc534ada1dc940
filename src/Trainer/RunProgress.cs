namespace Tuner.Trainer;

/// <summary>The runner's state between steps: position, reports so far, the partial epoch, the position of the
/// checkpoint last written or read (null: none), and what this run has trained.</summary>
internal sealed record RunProgress(
    TrainingPosition Position,
    IReadOnlyList<EpochReport> History,
    PartialEpoch Partial,
    TrainingPosition? LastSaved,
    int EpochsTrained,
    int BatchesTrained)
{
    public static RunProgress Fresh { get; } = new(TrainingPosition.Start, [], PartialEpoch.Empty, null, 0, 0);

    public RunProgress AfterBatch(Tuner.Workloads.BatchResult result) => this with
    {
        Position = Position with { Batch = Position.Batch + 1 },
        Partial = Partial with
        {
            TrainLossSum = Partial.TrainLossSum + result.Loss * result.Samples,
            TrainSamples = Partial.TrainSamples + result.Samples,
        },
        BatchesTrained = BatchesTrained + 1,
    };

    public RunProgress AfterEpoch(EpochReport report) => this with
    {
        Position = new TrainingPosition(report.Epoch, 0),
        History = [.. History, report],
        Partial = PartialEpoch.Empty,
        EpochsTrained = EpochsTrained + 1,
    };

    public TrialOutcome Outcome(TrialOutcomeKind kind) =>
        new(kind, Position, EpochsTrained, History) { BatchesTrained = BatchesTrained };
}
