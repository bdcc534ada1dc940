using Tuner.Workloads;
using Tuner.Scheduler.Hosting.Settings;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Api;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Scheduling.Orchestration;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Capacity;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Data;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>
/// Runs one sweep on this machine: private PostgreSQL, the server in this process, up to N worker processes started by
/// the autoscaler through the local provider (preempted at random when the sweep turns on its spot market), progress in
/// the terminal until the sweep ends, then the best trial, its test-set accuracy and, after preemptions, how recovery went.
/// Ctrl+C cancels the sweep (see <see cref="ConsoleInterrupts"/>); the exit code is then 130.
/// </summary>
internal sealed class LocalSweepRun(ServerSettings server, int workerCount, bool verbose)
{
    private readonly TunerSettings settings = server.Settings;

    public async Task<int> RunAsync(SweepDefinition definition, string text)
    {
        using var interrupts = new ConsoleInterrupts();
        using var loggerFactory = TunerLogging.CreateFactory(verbose);
        Console.WriteLine($"Tuner home: {settings.Home}");
        await MnistFiles.EnsureAsync(settings.DataDirectory, CancellationToken.None);
        await using var database = await DatabaseBootstrap.StartAsync(settings, loggerFactory.CreateLogger("tuner"), CancellationToken.None);
        var local = server with { Capacity = server.Capacity with { LocalMaxWorkers = workerCount, WorkerRoleDatabaseUrl = database.WorkerConnectionString } };
        await using var app = ServerHost.Build(local, database.ConnectionString, verbose, LogLevel.Warning, new CommandLineHostLifetime());
        await ServerHost.StartAsync(app);
        try
        {
            Console.WriteLine($"{ServerUrls.Line(app.Urls)}   (while this run lasts)");
            Console.WriteLine(await Hosting.Access.AccessBanner.LineAsync(app.Services, CancellationToken.None));
            return await RunSweepAsync(app.Services, definition, text, interrupts);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private async Task<int> RunSweepAsync(IServiceProvider services, SweepDefinition definition, string text, ConsoleInterrupts interrupts)
    {
        if (interrupts.CancelSweep.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        var sweep = await services.GetRequiredService<SweepSubmission>().SubmitAsync(definition, text, CancellationToken.None);
        var market = definition.Capacity.SpotMarket is { } m
            ? $"; spot market: {m.PreemptionsPerHour:0.#} preemptions per worker-hour, {(m.Notice > TimeSpan.Zero ? $"{m.Notice.TotalSeconds:0.#}s notice" : "no notice (SIGKILL)")}"
            : "";
        Console.WriteLine($"Sweep {sweep.Id} '{sweep.Name}': {definition.Budget.MaxTrials} trials, {definition.Budget.Parallelism} at a time, up to {workerCount} local workers{market}");
        Console.WriteLine($"Worker logs: {Path.Combine(settings.Home, "logs")}   Ctrl+C cancels the sweep");
        var watched = await WatchAsync(services, sweep.Id, definition.Objective.Metric, interrupts);
        await LocalWorkers.StopAllAsync(services, TimeSpan.FromSeconds(30));
        if (watched == Watched.WorkersCrashing)
        {
            throw new CliFailure(ExitCodes.WorkFailed,
                $"local workers keep exiting before they take a trial; see their logs in {Path.Combine(settings.Home, "logs")}");
        }

        if (watched == Watched.StoppedNow)
        {
            // The workers handed their trials back; this pass cancels them, and the sweep ends Cancelled.
            await services.GetRequiredService<SweepOrchestrator>().OrchestrateAsync(sweep.Id, CancellationToken.None);
        }

        await ReportAsync(services, sweep.Id);
        await OrchestrationReport.PrintAsync(services, sweep.Id, Console.Out);
        await PreemptionReport.PrintAsync(services, sweep.Id, Console.Out);
        await CostReport.PrintAsync(services, sweep.Id);
        return interrupts.CancelSweep.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    private enum Watched
    {
        SweepEnded,
        StoppedNow,
        WorkersCrashing,
    }

    /// <summary>Prints progress until the sweep ends, a second Ctrl+C, or local workers that keep dying before taking work.</summary>
    private async Task<Watched> WatchAsync(IServiceProvider services, long sweepId, string metric, ConsoleInterrupts interrupts)
    {
        var queries = services.GetRequiredService<SweepQueries>();
        var printer = new ProgressPrinter(metric, Console.Out);
        var events = new EventPrinter(Console.Out);
        var started = TimeProvider.System.GetUtcNow();
        var cancelled = false;
        while (true)
        {
            if (interrupts.CancelSweep.IsCancellationRequested && !cancelled)
            {
                Console.WriteLine("Cancelling the sweep: waiting trials are cancelled, running ones stop at the end of their epoch (Ctrl+C again stops them at once)");
                await services.GetRequiredService<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None);
                // Orchestrate here rather than wait for the Hangfire queue: running trials learn of the cancel at once.
                await services.GetRequiredService<SweepOrchestrator>().OrchestrateAsync(sweepId, CancellationToken.None);
                cancelled = true;
            }

            if (interrupts.StopNow.IsCancellationRequested)
            {
                Console.WriteLine("Stopping the workers now: they hand their trials back");
                return Watched.StoppedNow;
            }

            printer.Print(await queries.TrialsAsync(sweepId, CancellationToken.None) ?? []);
            events.Print(await queries.EventsAsync(sweepId, events.LastId, CancellationToken.None) ?? []);
            var details = await queries.GetAsync(sweepId, CancellationToken.None);
            if (details?.State is "Completed" or "Cancelled")
            {
                return Watched.SweepEnded;
            }

            if (await LocalWorkers.CrashLoopingAsync(services, workerCount, started, CancellationToken.None))
            {
                return Watched.WorkersCrashing;
            }

            // A second, or a Ctrl+C: act on Ctrl+C at once, not at the next look.
            await Pause(TimeSpan.FromSeconds(1), cancelled ? interrupts.StopNow : interrupts.CancelSweep);
        }
    }

    private static async Task Pause(TimeSpan delay, CancellationToken wake)
    {
        try
        {
            await Task.Delay(delay, wake);
        }
        catch (OperationCanceledException)
        {
            // Woken by Ctrl+C.
        }
    }

    private async Task ReportAsync(IServiceProvider services, long sweepId)
    {
        var details = (await services.GetRequiredService<SweepQueries>().GetAsync(sweepId, CancellationToken.None))!;
        Console.WriteLine();
        Console.WriteLine(SweepText.Headline(details, TimeProvider.System.GetUtcNow()));
        foreach (var line in SweepText.Best(details))
        {
            Console.WriteLine(line);
        }

        if (details.Best is not { } best)
        {
            return;
        }

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

        var plan = await services.GetRequiredService<SweepPlans>().ForAsync(sweep, CancellationToken.None);
        var test = await BestCheckpointEvaluation.TestAsync(
            plan, best, trial.Seed, services.GetRequiredService<ICheckpointStore>(), checkpoint,
            new TrainingEnvironment(settings.DataDirectory, Math.Max(1, Environment.ProcessorCount)) { Device = settings.TrainingDevice },
            CancellationToken.None);
        if (test is null || !test.TryGetValue(plan.Metric, out var value))
        {
            Console.WriteLine($"  (workload '{plan.Definition.Workload.Name}' keeps no test data to evaluate the best checkpoint on)");
            return;
        }

        Console.WriteLine($"  test data (held out, no trial saw it): {plan.Metric} = {value.ToString("F4", CultureInfo.InvariantCulture)}");
    }
}
