namespace Tuner.Core.Model;

/// <summary>One firing of a <see cref="Schedule"/>: the sweep it started, or why it started none. Its id is the run's
/// {run_id}.</summary>
public sealed class ScheduleRun
{
    public long Id { get; set; }
    public long ScheduleId { get; set; }
    public DateTimeOffset FiredAt { get; set; }

    /// <summary>The run's {run_date}: the firing's date on the schedule's wall clock, yyyy-MM-dd.</summary>
    public required string RunDate { get; set; }
    public ScheduleRunOutcome Outcome { get; set; }
    public long? SweepId { get; set; }

    /// <summary>Why the run started no sweep (skipped, or its definition was refused), or how it was triggered.</summary>
    public string? Message { get; set; }
}

/// <summary>What a firing did. Stored as text.</summary>
public enum ScheduleRunOutcome
{
    /// <summary>It made and started a sweep.</summary>
    Started,

    /// <summary>The previous run's sweep was still running: one run at a time.</summary>
    Skipped,

    /// <summary>The previous run's sweep was still running and the schedule queues: it fires when that run ends, and
    /// then becomes Started (or Failed).</summary>
    Queued,

    /// <summary>The definition made from the template was refused (the message lists its problems).</summary>
    Failed,
}
