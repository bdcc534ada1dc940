namespace Tuner.Core.Model;

/// <summary>Something that happened to a sweep, said in words: a scale decision and its reason, a fallback to
/// on-demand capacity, a preemption, a checkpoint that failed verification.</summary>
public sealed class SweepEvent
{
    public long Id { get; set; }
    public long SweepId { get; set; }
    public long? TrialId { get; set; }

    /// <summary>A short machine-readable kind, one of <see cref="Events.SweepEventKinds"/>.</summary>
    public required string Kind { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset At { get; set; }
}
