using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduling.Reports;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>After a sweep: how much of the workers' time went to training, and what the orchestrator cost per run
/// (<see cref="OrchestrationStats"/>; the figures of docs/benchmarks.md's orchestrator benchmark).</summary>
internal static class OrchestrationReport
{
    public static async Task PrintAsync(IServiceProvider services, long sweepId, TextWriter output)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync();
        if (await OrchestrationStatsQuery.ForSweepAsync(db, sweepId, CancellationToken.None) is not { } stats) return;
        var c = CultureInfo.InvariantCulture;
        var steady = stats.RunsPerSecond is { } rate
            ? $"; {rate.ToString("F1", c)} runs/s while all {stats.Workers} workers were at work ({stats.SteadyRuns} runs in {stats.SteadySeconds.ToString("F1", c)}s)"
            : "";
        output.WriteLine(
            $"Worker time: {(100 * (1 - stats.OverheadShare)).ToString("F1", c)}% training; {(1000 * stats.OverheadSecondsPerRun).ToString("F0", c)} ms per run outside training over {stats.Runs} runs{steady}");
    }
}
