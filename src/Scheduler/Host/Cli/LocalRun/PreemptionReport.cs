using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduling.Reports;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>After a sweep that saw preemptions: how many, how fast trials resumed, and how much work survived.</summary>
internal static class PreemptionReport
{
    public static async Task PrintAsync(IServiceProvider services, long sweepId, TextWriter output)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync();
        var stats = await PreemptionStatsQuery.ForSweepAsync(db, sweepId, CancellationToken.None);
        if (stats.Notices + stats.Kills == 0) return;
        var median = stats.MedianRecoverySeconds is { } m ? $"{m.ToString("F1", CultureInfo.InvariantCulture)}s median over {stats.RecoverySeconds.Count}" : "none resumed";
        var perTrial = (double)(stats.Notices + stats.Kills) / Math.Max(1, stats.Trials);
        output.WriteLine($"Preemptions: {stats.Notices} with notice, {stats.Kills} without, {perTrial.ToString("F1", CultureInfo.InvariantCulture)} per trial over {stats.Trials} trials ({stats.Runs} runs)");
        output.WriteLine($"Recovery (preemption to the trial training again on another worker): {median}");
        output.WriteLine($"Goodput: {stats.UsefulEpochs.ToString("F0", CultureInfo.InvariantCulture)} useful epochs / {stats.ComputedEpochs.ToString("F1", CultureInfo.InvariantCulture)} computed = {stats.Goodput.ToString("F3", CultureInfo.InvariantCulture)}");
    }
}
