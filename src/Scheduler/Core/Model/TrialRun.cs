namespace Tuner.Core.Model;

/// <summary>
/// One stretch of work on a trial by one worker under one lease: where it resumed from, how far it got, how it ended.
/// A trial preempted twice has three runs.
/// </summary>
public sealed class TrialRun
{
    public long Id { get; set; }
    public long TrialId { get; set; }
    public required string WorkerId { get; set; }
    public long LeaseToken { get; set; }
    public int ResumedEpoch { get; set; }
    public int ResumedBatch { get; set; }
    public int EpochsTrained { get; set; }
    public TrialRunOutcome Outcome { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the run trained its first batch: data loaded, checkpoint restored (recovery is measured to here).</summary>
    public DateTimeOffset? FirstBatchAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>What ended the run when it was not the trial itself: the preemption notice, a lost lease
    /// (cut to <see cref="EndReasons.MaxLength"/>).</summary>
    public string? EndReason { get; set => field = EndReasons.Fit(value); }
}
