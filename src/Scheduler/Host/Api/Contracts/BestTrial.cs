namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The sweep's best complete trial: its value is its best epoch's objective, and the checkpoint is from that epoch.</summary>
public sealed record BestTrial(
    long TrialId, int Number, IReadOnlyDictionary<string, object> Params, double Value, int? Epoch, string? CheckpointUri);
