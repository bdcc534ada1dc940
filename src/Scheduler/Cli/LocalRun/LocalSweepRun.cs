using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Api;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Definitions;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Sweeps;
using Tuner.Scheduler.Capacity;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Data;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>
/// Runs one sweep on this machine: private PostgreSQL, the server in this process, up to N worker processes started by
/// the autoscaler through the local provider (preempted at random when the sweep turns on its spot market), progress in
/// the terminal until the sweep ends, then the best trial, its test-set accuracy and, after preemptions, how recovery went.
/// Ctrl+C cancels the sweep.
/// </summary>
internal sealed class LocalSweepRun(TunerSettings settings, int workerCount)
{
    public async Task<int> RunAsync(SweepDefinition definition, string text)
    {
        using var loggerFactory = ConsoleLogging.Create();
        var logger = loggerFactory.CreateLogger("tuner");
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };

        Console.WriteLine($"Tuner home: {settings.Home}");
        await MnistFiles.EnsureAsync(settings.DataDirectory, CancellationToken.None);
        await using var database = await DatabaseBootstrap.StartAsync(settings, logger, CancellationToken.None);
        var capacity = CapacitySettings.FromEnvironment(Environment.GetEnvironmentVariable) with { LocalMaxWorkers = workerCount };
        await using var app = ServerHost.Build(settings, database.ConnectionString, LogLevel.Warning, capacity);
        await app.StartAsync();
        PrintUrls();

        var sweep = await app.Services.GetRequiredService<SweepSubmission>().SubmitAsync(definition, text, CancellationToken.None);
        var market = definition.Capacity.SpotMarket is { } m
            ? $"; spot market: {m.PreemptionsPerHour:0.#} preemptions per worker-hour, {(m.Notice > TimeSpan.Zero ? $"{m.Notice.TotalSeconds:0.#}s notice" : "no notice (SIGKILL)")}"
            : "";
        Console.WriteLine($"Sweep {sweep.Id} '{sweep.Name}': {definition.Budget.MaxTrials} trials, {definition.Budget.Parallelism} at a time, up to {workerCount} local workers{market}");
        Console.WriteLine($"Worker logs: {Path.Combine(settings.Home, "logs")}");
        var watched = await WatchAsync(app.Services, sweep.Id, definition.Objective.Metric, workerCount, interrupt.Token);
        await LocalWorkers.StopAllAsync(app.Services, TimeSpan.FromSeconds(30));
        if (!watched)
        {
            await Console.Error.WriteLineAsync($"Local workers keep exiting before they take a trial; see their logs in {Path.Combine(settings.Home, "logs")}");
            await app.StopAsync();
            return 1;
        }

        await ReportAsync(app.Services, sweep.Id);
        await PreemptionReport.PrintAsync(app.Services, sweep.Id, Console.Out);
        PrintUrls();
        await app.StopAsync();
        return 0;
    }

    /// <summary>Prints progress until the sweep ends (true), or until local workers keep dying before taking work (false).</summary>
    private static async Task<bool> WatchAsync(
        IServiceProvider services, long sweepId, string metric, int workerCount, CancellationToken interrupt)
    {
        var queries = services.GetRequiredService<SweepQueries>();
        var printer = new ProgressPrinter(metric, Console.Out);
        var events = new EventPrinter(Console.Out);
        var started = TimeProvider.System.GetUtcNow();
        var cancelled = false;
        while (true)
        {
            if (interrupt.IsCancellationRequested && !cancelled)
            {
                Console.WriteLine("Cancelling the sweep (running trials stop at their next heartbeat)...");
                await services.GetRequiredService<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None);
                cancelled = true;
            }

            printer.Print(await queries.TrialsAsync(sweepId, CancellationToken.None) ?? []);
            events.Print(await queries.EventsAsync(sweepId, events.LastId, CancellationToken.None) ?? []);
            var details = await queries.GetAsync(sweepId, CancellationToken.None);
            if (details?.State is "Completed" or "Cancelled")
            {
                return true;
            }

            if (await LocalWorkers.CrashLoopingAsync(services, workerCount, started, CancellationToken.None))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    private async Task ReportAsync(IServiceProvider services, long sweepId)
    {
        var details = (await services.GetRequiredService<SweepQueries>().GetAsync(sweepId, CancellationToken.None))!;
        var t = details.Trials;
        var elapsed = (details.FinishedAt ?? TimeProvider.System.GetUtcNow()) - details.CreatedAt;
        Console.WriteLine();
        Console.WriteLine($"Sweep {details.Id} {details.State} in {elapsed.TotalSeconds:F0}s: {t.Complete} complete, {t.Pruned} pruned, {t.Failed} failed, {t.Cancelled} cancelled, {t.Preemptions} preemptions");
        if (details.Best is not { } best)
        {
            Console.WriteLine("No trial completed, so there is no best trial.");
            return;
        }

        Console.WriteLine($"Best trial: {best.Number} (id {best.TrialId}), {details.Objective} = {best.Value.ToString("F4", CultureInfo.InvariantCulture)} at epoch {best.Epoch}");
        Console.WriteLine($"  params:     {ParamText.Format(best.Params)}");
        Console.WriteLine($"  checkpoint: {best.CheckpointUri}");
        await using var db = await services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync();
        var sweep = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweepId);
        var trial = await db.Trials.AsNoTracking().SingleAsync(x => x.Id == best.TrialId);
        var checkpoint = await db.Checkpoints.AsNoTracking()
            .Where(c => c.TrialId == best.TrialId && c.State == CheckpointState.Live).OrderByDescending(c => c.Epoch).FirstOrDefaultAsync();
        if (checkpoint is null)
        {
            Console.WriteLine("  (the best trial has no checkpoint left to evaluate)");
            return;
        }

        var plan = services.GetRequiredService<SweepPlans>().For(sweep);
        var accuracy = await BestCheckpointEvaluation.TestAccuracyAsync(
            plan, best, trial.Seed, services.GetRequiredService<ICheckpointStore>(), checkpoint.Key,
            new TrainingEnvironment(settings.DataDirectory, Math.Max(1, Environment.ProcessorCount)), CancellationToken.None);
        Console.WriteLine($"  test accuracy of the best checkpoint (10,000 held-out test images): {accuracy.ToString("F4", CultureInfo.InvariantCulture)}");
    }

    private void PrintUrls() =>
        Console.WriteLine($"API: {settings.Urls}/api/sweeps   OpenAPI: {settings.Urls}/openapi/v1.json   Hangfire dashboard: {settings.Urls}/hangfire");
}
