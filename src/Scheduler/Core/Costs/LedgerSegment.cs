namespace Tuner.Core.Costs;

/// <summary>
/// A stretch of one machine's time with one use: a run's share of it (<paramref name="Share"/> runs on the machine at
/// once), start-up or idle time. The time is attributed in full, so the machine's seconds are the sum of
/// <see cref="MachineSeconds"/> / <paramref name="Share"/> over its segments.
/// </summary>
/// <param name="RunId">The run (and its trial), for <see cref="CostKind.Training"/> only.</param>
/// <param name="SweepId">Who pays: the run's sweep; for idle time the sweep of the run before it; for start-up the sweep
/// whose demand launched the machine. Null when there is none.</param>
public sealed record LedgerSegment(
    CostKind Kind, long? RunId, long? TrialId, long? SweepId, DateTimeOffset From, DateTimeOffset To, int Share)
{
    public double MachineSeconds => (To - From).TotalSeconds;

    /// <summary>The seconds this segment is charged for: its share of the machine's time.</summary>
    public double Seconds => MachineSeconds / Share;

    /// <summary>Whether <paramref name="next"/> continues this segment at the same rate, so the two are one entry.</summary>
    public bool ContinuesWith(LedgerSegment next) =>
        next.From == To && next.Kind == Kind && next.RunId == RunId && next.SweepId == SweepId && next.Share == Share;
}
