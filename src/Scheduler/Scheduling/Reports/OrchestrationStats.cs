namespace Tuner.Scheduling.Reports;

/// <summary>One run of a trial as the orchestration figures see it: on which worker, when, and how long it trained.</summary>
public readonly record struct RunSpan(string WorkerId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, double TrainingSeconds);

/// <summary>
/// What the orchestrator itself cost a sweep, from its finished runs, leaving out the workers' start-up:
/// <list type="bullet">
/// <item><b>throughput</b>: runs that ended while every worker was at work (from the last worker's first run to the first
/// worker's last run end), over that window;</item>
/// <item><b>overhead</b>: for each worker, the time from its first run's start to its last run's end that was not
/// training (leasing, starting the run, reporting, checkpointing, ending it, waiting for the next trial), summed over
/// workers and divided by their runs.</item>
/// </list>
/// </summary>
/// <param name="Workers">Workers that ran at least one run.</param>
/// <param name="Runs">Runs in all.</param>
/// <param name="SteadyRuns">Runs that ended inside the steady window.</param>
/// <param name="SteadySeconds">The window in which every worker was at work.</param>
/// <param name="BusySeconds">Summed over workers: first run start to last run end.</param>
/// <param name="TrainingSeconds">Summed over runs: the epochs' training time.</param>
public sealed record OrchestrationStats(int Workers, int Runs, int SteadyRuns, double SteadySeconds, double BusySeconds, double TrainingSeconds)
{
    /// <summary>Runs per second while every worker was at work; null when the window is empty (one run per worker).</summary>
    public double? RunsPerSecond => SteadySeconds > 0 && SteadyRuns > 0 ? SteadyRuns / SteadySeconds : null;

    /// <summary>Worker time per run spent on anything but training.</summary>
    public double OverheadSecondsPerRun => Math.Max(0, BusySeconds - TrainingSeconds) / Runs;

    /// <summary>The share of the workers' busy time not spent training (0 when nothing ran).</summary>
    public double OverheadShare => BusySeconds > 0 ? Math.Max(0, BusySeconds - TrainingSeconds) / BusySeconds : 0;

    /// <summary>The figures for a sweep's ended runs; null when none ended.</summary>
    public static OrchestrationStats? From(IReadOnlyCollection<RunSpan> runs)
    {
        if (runs.Count == 0) return null;
        var byWorker = runs.GroupBy(r => r.WorkerId)
            .Select(g => (First: g.Min(r => r.StartedAt), Last: g.Max(r => r.EndedAt)))
            .ToList();
        var steadyFrom = byWorker.Max(w => w.First);
        var steadyTo = byWorker.Min(w => w.Last);
        var steadySeconds = Math.Max(0, (steadyTo - steadyFrom).TotalSeconds);
        var steadyRuns = steadySeconds > 0 ? runs.Count(r => r.EndedAt > steadyFrom && r.EndedAt <= steadyTo) : 0;
        return new OrchestrationStats(
            byWorker.Count,
            runs.Count,
            steadyRuns,
            steadySeconds,
            byWorker.Sum(w => (w.Last - w.First).TotalSeconds),
            runs.Sum(r => r.TrainingSeconds));
    }
}
