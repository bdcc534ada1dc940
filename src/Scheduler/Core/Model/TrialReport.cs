namespace Tuner.Core.Model;

/// <summary>What a trial reported at the end of one epoch (step). One row per (trial, step); a replay overwrites.</summary>
public sealed class TrialReport
{
    public long TrialId { get; set; }
    public int Step { get; set; }
    public double Value { get; set; }
    public required string MetricsJson { get; set; }
    public double Seconds { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
