namespace Tuner.Core.Costs;

/// <summary>
/// Splits a stretch of one machine's life among what used it. At every instant the machine's cost goes in equal shares
/// to the runs on it (several on a multi-GPU machine); with none on it, to start-up (before its first run ever) or to
/// idle time. The ledger calls this for the stretch since it last looked, so a machine's life is attributed in pieces;
/// the pieces add up to what one call over the whole life gives.
/// </summary>
public static class MachineLedger
{
    /// <param name="from">Where the ledger stopped last time (the launch, the first time).</param>
    /// <param name="to">Now, or the machine's end.</param>
    /// <param name="runs">The runs on the machine that overlap the stretch; others are ignored.</param>
    /// <param name="sweepBefore">The sweep of the latest run on the machine that ended by <paramref name="from"/>; null
    /// when no run has been on it yet, so that time with no run is start-up.</param>
    /// <param name="launchedFor">The sweep whose demand launched the machine: it pays for the start-up.</param>
    public static IReadOnlyList<LedgerSegment> Attribute(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyList<MachineRun> runs, long? sweepBefore, long? launchedFor)
    {
        if (to <= from) return [];
        var inStretch = runs.Where(r => r.StartedAt < to && (r.EndedAt ?? DateTimeOffset.MaxValue) > from && (r.EndedAt ?? DateTimeOffset.MaxValue) > r.StartedAt)
            .OrderBy(r => r.StartedAt).ThenBy(r => r.RunId).ToList();
        var points = new SortedSet<DateTimeOffset> { from, to };
        foreach (var run in inStretch)
        {
            if (run.StartedAt > from) points.Add(run.StartedAt);
            if (run.EndedAt is { } end && end < to) points.Add(end);
        }

        var segments = new List<LedgerSegment>();
        var idleSweep = sweepBefore;
        var started = sweepBefore is not null;
        var edges = points.ToList();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (a, b) = (edges[i], edges[i + 1]);
            var active = inStretch.Where(r => r.StartedAt <= a && (r.EndedAt ?? DateTimeOffset.MaxValue) >= b).ToList();
            if (active.Count == 0)
            {
                Add(segments, started
                    ? new LedgerSegment(CostKind.Idle, null, null, idleSweep, a, b, 1)
                    : new LedgerSegment(CostKind.StartUp, null, null, launchedFor, a, b, 1));
                continue;
            }

            started = true;
            foreach (var run in active) Add(segments, new LedgerSegment(CostKind.Training, run.RunId, run.TrialId, run.SweepId, a, b, active.Count));
            // Idle time after these runs is charged to the sweep of the one that ends last (lowest id on a tie).
            idleSweep = active.OrderByDescending(r => r.EndedAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.RunId).First().SweepId;
        }

        return segments;
    }

    /// <summary>Adds the segment, or lengthens the one it continues (the last of the same run, kind and share).</summary>
    private static void Add(List<LedgerSegment> segments, LedgerSegment segment)
    {
        for (var i = segments.Count - 1; i >= 0 && segments[i].To == segment.From; i--)
        {
            if (!segments[i].ContinuesWith(segment)) continue;
            segments[i] = segments[i] with { To = segment.To };
            return;
        }

        segments.Add(segment);
    }
}
