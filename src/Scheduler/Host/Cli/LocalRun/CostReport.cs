using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Tuner.Persistence;
using Tuner.Scheduler.Api;
using Tuner.Scheduling.Costs;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>After a sweep: its cost report (as `tuner cost` prints it), with the ledger brought up to this moment first.</summary>
internal static class CostReport
{
    public static async Task PrintAsync(IServiceProvider services, long sweepId)
    {
        await services.GetRequiredService<CostLedger>().RecordAsync(CancellationToken.None);
        var report = await CostApi.ReportAsync(
            sweepId, services.GetRequiredService<SweepCosts>(),
            services.GetRequiredService<IDbContextFactory<TunerDbContext>>(), CancellationToken.None);
        if (report is null) return;
        CostText.Write(AnsiConsole.Console, Console.Out, report, allTrials: false);
        if (report.PriceUnset)
            Console.WriteLine($"Set {Tuner.Core.Settings.SettingCatalog.Variable<CostOptions>(nameof(CostOptions.LocalHourlyUsd))} (what this machine costs per hour, divided by its workers) to see dollars: README's \"What it costs\".");
    }
}
