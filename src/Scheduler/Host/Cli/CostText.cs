using System.Globalization;
using Spectre.Console;
using Tuner.Core.Costs;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli;

/// <summary>A sweep's cost report as `tuner cost` and the end of `tuner run` print it: the split as a table, then the
/// savings, the cost to the best trial, the projection, the budget, where the prices came from, and the dearest trials.
/// Sentences go to <c>output</c> as they are (a narrow or redirected terminal must not re-wrap them); the tables are Spectre.Console's.</summary>
internal static class CostText
{
    /// <summary>Trials listed by default, the dearest first; --trials lists them all.</summary>
    public const int DearestTrials = 10;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, TextWriter output, SweepCostReport report, bool allTrials)
    {
        if (report.PriceUnset && report.SpentUsd == 0)
        {
            WriteTimeOnly(console, output, report);
            return;
        }

        output.WriteLine($"Cost of sweep {report.SweepId} '{report.Name}' ({report.State}): {Usd(report.SpentUsd)} spent over {Duration(report.ComputeSeconds)} of machine time{(report.Estimated ? " (some of it estimated: a machine vanished and is charged to its last sign of life)" : "")}");
        var table = new Table().Border(TableBorder.Simple).AddColumn("spent on").AddColumn(new TableColumn("time").RightAligned())
            .AddColumn(new TableColumn("cost").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var line in report.Lines.Where(l => l.Seconds > 0 || l.Usd > 0))
        {
            table.AddRow(Markup.Escape(Describe(line.Category)), Duration(line.Seconds), Usd(line.Usd), Share(line.Usd, report.SpentUsd));
        }

        var storage = report.Storage;
        foreach (var stored in storage.Classes)
        {
            table.AddRow(Markup.Escape($"checkpoints in {stored.StorageClass} ({Megabytes(stored.LiveBytes)} kept now, {Usd(stored.UsdPerGbMonth)} per GB-month)"), "", Usd(stored.Usd), Share(stored.Usd, report.SpentUsd));
        }

        table.AddRow("[bold]total[/]", Duration(report.ComputeSeconds), $"[bold]{Usd(report.SpentUsd)}[/]", "");
        console.Write(table);

        if (storage.LiveContentBytes > storage.LiveBytes)
            output.WriteLine($"Saved by compression: {Usd(storage.SavedByCompressionUsd)} ({KeptNow(storage)})");
        output.WriteLine($"Saved by pruning: {Usd(report.SavedByPruning.Usd)} ({report.SavedByPruning.EpochsNotRun} epochs not run by pruned trials, each at its own cost per epoch)");
        output.WriteLine(report.SavedBySpot switch
        {
            { SpotSeconds: 0 } => "Saved by spot: nothing (no spot capacity in this sweep)",
            { Usd: { } spot } => $"Saved by spot: {Usd(spot)} against on-demand prices for the same seconds ({Percent(report.SavedBySpot.Discount ?? 0)} off)",
            _ => "Saved by spot: unknown (no on-demand price for these machines)",
        });
        if (report.UsdToBestTrial is { } toBest) output.WriteLine($"To reach the best trial (#{report.BestTrialNumber}): {Usd(toBest)}");
        if (report.ProjectedTotalUsd is { } projected)
            output.WriteLine($"Projected: {Usd(projected)} in all, {Usd(report.ToFinishUsd ?? 0)} more to finish");
        if (report.MaxCostUsd is { } max) output.WriteLine($"Budget: {Usd(report.SpentUsd)} of {Usd(max)} ({Percent(report.BudgetUsed ?? 0)})");
        output.WriteLine($"Prices: {string.Join("; ", report.PriceSources.DefaultIfEmpty("nothing charged yet"))}");
        if (report.InstanceTypes.Count > 0)
        {
            output.WriteLine("Per machine type: " + string.Join("; ", report.InstanceTypes.OrderBy(t => t.UsdPerEpoch).Select(t =>
                $"{t.InstanceType} {Usd(t.UsdPerEpoch)}/epoch ({t.SecondsPerEpoch.ToString("0.#", C)} s/epoch over {t.Epochs} epochs)")));
        }

        var trials = report.Trials.Where(t => t.Runs > 0).OrderByDescending(t => t.Usd).ThenByDescending(t => t.Seconds).ThenBy(t => t.Number).ToList();
        if (trials.Count == 0) return;
        var shown = allTrials ? trials : trials.Take(DearestTrials).ToList();
        var perTrial = new Table().Border(TableBorder.Simple).AddColumn("trial").AddColumn("status").AddColumn(new TableColumn("epochs").RightAligned())
            .AddColumn(new TableColumn("time").RightAligned()).AddColumn(new TableColumn("cost").RightAligned()).AddColumn(new TableColumn("per epoch").RightAligned());
        foreach (var t in shown.OrderBy(t => t.Number))
        {
            perTrial.AddRow($"#{t.Number}", t.Status, t.Epochs.ToString(C), Duration(t.Seconds), Usd(t.Usd), t.UsdPerEpoch is { } e ? Usd(e) : "—");
        }

        output.WriteLine(shown.Count < trials.Count ? $"The {shown.Count} dearest of {trials.Count} trials (--trials lists every one):" : "Per trial:");
        console.Write(perTrial);
    }

    /// <summary>No price is set for any of the sweep's machines: where the machine time went, and how to see dollars.</summary>
    private static void WriteTimeOnly(IAnsiConsole console, TextWriter output, SweepCostReport report)
    {
        output.WriteLine($"Machine time of sweep {report.SweepId} '{report.Name}' ({report.State}): {Duration(report.ComputeSeconds)}; no dollars, since no price is set ({string.Join("; ", report.PriceSources)})");
        var table = new Table().Border(TableBorder.Simple).AddColumn("spent on").AddColumn(new TableColumn("time").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var line in report.Lines.Where(l => l.Seconds > 0))
        {
            table.AddRow(Markup.Escape(Describe(line.Category)), Duration(line.Seconds), report.ComputeSeconds > 0 ? Percent(line.Seconds / report.ComputeSeconds) : "");
        }

        table.AddRow("[bold]total[/]", Duration(report.ComputeSeconds), "");
        console.Write(table);
        output.WriteLine($"Pruning saved {report.SavedByPruning.EpochsNotRun} epochs (epochs pruned trials did not run).");
        if (report.Storage.LiveContentBytes > report.Storage.LiveBytes) output.WriteLine($"Compression: {KeptNow(report.Storage)}.");
    }

    private static string KeptNow(Tuner.Core.Costs.StorageCost storage) =>
        $"the checkpoints kept now take {Megabytes(storage.LiveBytes)} for {Megabytes(storage.LiveContentBytes)} of content, {Percent(1 - (double)storage.LiveBytes / storage.LiveContentBytes)} less";

    public static string Describe(string category) => category switch
    {
        CostCategories.Complete => "complete trials",
        CostCategories.Pruned => "pruned trials",
        CostCategories.Failed => "failed trials",
        CostCategories.Cancelled => "cancelled trials",
        CostCategories.InProgress => "trials in progress",
        CostCategories.LostToPreemption => "lost to preemption (redone after resuming)",
        CostCategories.StartUp => "machine start-up",
        CostCategories.Idle => "idle machines",
        _ => category,
    };

    /// <summary>Dollars to the cent, or to the micro-dollar below ten cents, so small local sweeps do not all read $0.00.</summary>
    public static string Usd(decimal usd) => usd != 0 && Math.Abs(usd) < 0.1m ? "$" + usd.ToString("0.000000", C) : "$" + usd.ToString("#,0.00", C);

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString(bytes < 10_000_000 ? "0.0" : "#,0", C) + " MB";

    private static string Share(decimal part, decimal total) => total > 0 ? Percent((double)(part / total)) : "";

    private static string Percent(double fraction) => (100 * fraction).ToString("0.#", C) + " %";

    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds:00}s" : $"{seconds.ToString("0.0", C)}s";
    }
}
