using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Trainer.Data;
using Xunit.Abstractions;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>
/// `tuner run` as a user runs it in a terminal: its own process group (perl puts it there, with SIGINT at its default,
/// as a shell does for a foreground job) and Ctrl+C sent to the whole group, local workers included. Epochs take about
/// a second or two and the lease heartbeat comes every 30 s, so only a trial that stops at the end of its epoch passes.
/// </summary>
[Collection("postgres")]
public sealed class LocalRunInterruptTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int SigInt = 2;

    private const string Sweep = """
        name: interrupted
        workload: { kind: mnist-mlp, max_epochs: 100, train_samples: 6000, validation_samples: 1000 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-1, log: true }
        sampler: { kind: random, seed: 3 }
        pruner: { kind: none }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task CtrlC_CancelsTheRunningTrialAtTheEndOfItsEpoch_WithLiveUrlsAndNoWarnings()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        var connectionString = await postgres.CreateDatabaseAsync("run_interrupt");
        var home = Directory.CreateTempSubdirectory("tuner-run-").FullName;
        var file = Path.Combine(home, "sweep.yaml");
        await File.WriteAllTextAsync(file, Sweep);
        var lines = new ConcurrentQueue<string>();
        using var run = StartInItsOwnProcessGroup(lines, new Dictionary<string, string>
        {
            ["TUNER_HOME"] = home,
            ["TUNER_DATABASE_URL"] = connectionString,
            ["TUNER_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["TUNER_DATA_DIR"] = RepositoryPaths.MnistDirectory,
            // A heartbeat every 30 s: the trial must stop at the end of its epoch, not when the heartbeat notices.
            ["TUNER_LEASE_SECONDS"] = "120",
        }, "run", file, "--workers", "1");
        string Output() => string.Join('\n', lines);
        try
        {
            // The URLs are printed once the server listens, and answer while the run lasts.
            var urls = await Eventually.GetAsync(() => Task.FromResult(lines.FirstOrDefault(l => l.StartsWith("API: ", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(90), "the API URL", Output);
            using var http = new HttpClient();
            Assert.True((await http.GetAsync(urls.Split(' ')[1])).IsSuccessStatusCode, Output());

            await Eventually.GetAsync(() => Task.FromResult(lines.FirstOrDefault(l => l.Contains("trial 0   epoch  1", StringComparison.Ordinal))),
                TimeSpan.FromMinutes(3), "the first epoch", Output);
            Assert.Equal(0, Kill(-run.Id, SigInt));
            var reportedAtCancel = await Eventually.GetAsync(() => ReportsOnceCancelRequestedAsync(connectionString), TimeSpan.FromSeconds(30),
                "the running trial to be asked to stop", Output);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await run.WaitForExitAsync(timeout.Token);

            output.WriteLine(Output());
            Assert.True(run.ExitCode == ExitCodes.Interrupted, $"exit {run.ExitCode}\n{Output()}");
            await using var db = new TunerDbContext(TunerDatabase.Options(connectionString));
            var trial = await db.Trials.AsNoTracking().Include(t => t.Reports).SingleAsync();
            output.WriteLine($"epochs reported: {reportedAtCancel.Value} when the trial was asked to stop, {trial.Reports.Count} in all");
            Assert.Equal(TrialStatus.Cancelled, trial.Status);
            Assert.Equal(0, trial.Preemptions);
            Assert.True(trial.Reports.Count <= reportedAtCancel.Value + 1,
                $"the trial reported {trial.Reports.Count} epochs; {reportedAtCancel.Value} when it was asked to stop\n{Output()}");
            Assert.Equal(SweepState.Cancelled, (await db.Sweeps.AsNoTracking().SingleAsync()).State);
            Assert.DoesNotContain(lines, l => l.Contains(" warn ", StringComparison.Ordinal) || l.Contains(" fail ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("row limiting operator", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("stderr: ", StringComparison.Ordinal));
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>The number of epochs the trial had reported when it was asked to stop; null until it is asked.</summary>
    private static async Task<StrongBox?> ReportsOnceCancelRequestedAsync(string connectionString)
    {
        await using var db = new TunerDbContext(TunerDatabase.Options(connectionString));
        var trial = await db.Trials.AsNoTracking().Include(t => t.Reports).SingleOrDefaultAsync();
        return trial is { CancelRequested: true } || trial?.Status == TrialStatus.Cancelled ? new StrongBox(trial.Reports.Count) : null;
    }

    private sealed record StrongBox(int Value);

    private static Process StartInItsOwnProcessGroup(ConcurrentQueue<string> lines, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("perl")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-e", "$SIG{INT} = 'DEFAULT'; setpgrp(0, 0) or die; exec { $ARGV[0] } @ARGV or die", RepositoryPaths.TunerExecutable, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TUNER_", StringComparison.Ordinal)).ToList()) info.Environment.Remove(name);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start perl");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue($"stderr: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
