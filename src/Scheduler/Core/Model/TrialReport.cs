namespace Tuner.Core.Model;

/// <summary>What a trial reported at the end of one epoch. One row per (trial, epoch); a replay overwrites.</summary>
public sealed class TrialReport
{
    public long TrialId { get; set; }

    /// <summary>The epoch it ended, from 1 (the trainer's count; Search's step is this minus one, see TrialHistory).</summary>
    public int Epoch { get; set; }
    public double Value { get; set; }
    public required string MetricsJson { get; set; }
    public double Seconds { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
