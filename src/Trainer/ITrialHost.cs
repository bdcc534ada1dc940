namespace Tuner.Trainer;

/// <summary>The world a trial talks to: the scheduler (fenced writes into PostgreSQL and a checkpoint store) or
/// <see cref="Standalone.StandaloneTrialHost"/>. Any method may throw (for example when the lease is lost);
/// <see cref="TrialRunner"/> lets such exceptions propagate.</summary>
public interface ITrialHost
{
    /// <summary>The trial's latest checkpoint, or null when it has none (the trial starts from scratch).</summary>
    Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct);

    /// <summary>Records an epoch's metrics and says whether the trial should go on.</summary>
    Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct);

    /// <summary>Stores a checkpoint taken at <paramref name="position"/>; it becomes the latest one.</summary>
    Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct);
}
