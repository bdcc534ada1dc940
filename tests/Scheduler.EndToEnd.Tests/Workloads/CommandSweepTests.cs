using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Workloads;

/// <summary>A command workload through a real `tuner server` and real `tuner worker` processes: the program is the
/// deterministic test program (tests/Trainer.Tests.CommandProgram), and a worker is SIGKILLed mid-trial.</summary>
[Collection("postgres")]
public sealed class CommandSweepTests(PostgresServerFixture postgres)
{
    private static readonly string ProgramDll = Path.Combine(
        RepositoryPaths.Root, "tests", "Trainer.Tests.CommandProgram", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
        "net10.0", "Tuner.Trainer.Tests.CommandProgram.dll");

    private static string Sweep(string name) => $$"""
        name: {{name}}
        workload:
          kind: command
          max_epochs: 6
          command: [dotnet, '{{ProgramDll}}', --lr, '{learning_rate}', --sleep-ms, '700']
          stop_grace: 2s
        objective: { metric: val_loss, direction: minimize }
        space:
          learning_rate: { type: float, low: 0.05, high: 0.5 }
        sampler: { kind: random, seed: 5 }
        pruner: { kind: none }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task ACommandTrialWhoseWorkerIsKilled_ResumesFromItsCheckpoint_ToTheSameMetricsAsAnUninterruptedOne()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("command_sweep"),
            new Dictionary<string, string> { ["TUNER_LEASE_SECONDS"] = "4" });
        var (straight, resumed) = await cluster.RunStraightThenKilledAsync(Sweep("straight"), Sweep("interrupted"));

        Assert.Equal([1, 2, 3, 4, 5, 6], resumed.Reports.Select(r => r.Step));
        Assert.Equal(straight.Reports.Select(r => (r.Step, r.Metrics["val_loss"])), resumed.Reports.Select(r => (r.Step, r.Metrics["val_loss"])));
        Assert.Equal(["Lost", "Completed"], resumed.Runs.Select(r => r.Outcome));
        Assert.True(resumed.Runs[1].ResumedEpoch >= 2, $"the second run resumed from step {resumed.Runs[1].ResumedEpoch}, not from its checkpoint");
    }

    [Fact]
    public async Task AProgramLeftRunningByAKilledWorker_IsKilledWhenItsTrialResumes()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("command_orphans"),
            new Dictionary<string, string> { ["TUNER_LEASE_SECONDS"] = "4" });
        var files = Directory.CreateTempSubdirectory("tuner-orphan-test-").FullName;
        var (programFile, childFile) = (Path.Combine(files, "program.pid"), Path.Combine(files, "child.pid"));
        // The program's child sleeps forever: it outlives the program as well as the worker unless Tuner kills it.
        var sweep = Sweep("orphans").Replace("'700']", $"'700', --pid-file, '{programFile}', --spawn-child, '{childFile}']", StringComparison.Ordinal);
        var worker = cluster.StartWorker();
        var id = await cluster.SubmitIdAsync(sweep);
        var started = await Eventually.GetAsync(
            async () => File.Exists(programFile) && File.Exists(childFile) && await ReadPidAsync(childFile) is > 0 and var c
                ? new[] { await ReadPidAsync(programFile), c } : null,
            TimeSpan.FromMinutes(1), "the program to start its child", cluster.Diagnostics);
        var (program, child) = (started[0], started[1]);
        File.Delete(childFile);

        worker.Kill();
        Assert.True(ProcessState.IsRunning(child), $"the program's child {child} runs on after its worker was killed");
        cluster.StartWorker();
        await cluster.OnlyTrialOnceCompletedAsync(id);

        Assert.False(ProcessState.IsRunning(program), $"the killed worker's program {program} still runs");
        Assert.False(ProcessState.IsRunning(child), $"the killed worker's program's child {child} still runs");
        var resumedChild = await ReadPidAsync(childFile);
        Assert.True(await EventuallyFalseAsync(() => ProcessState.IsRunning(resumedChild)), $"the resumed program's child {resumedChild} still runs after its run ended");
        Directory.Delete(files, recursive: true);
    }

    private static async Task<int> ReadPidAsync(string file) =>
        int.TryParse(await File.ReadAllTextAsync(file), out var pid) ? pid : 0;

    /// <summary>Whether <paramref name="condition"/> turns false within 10 s (a SIGKILLed process takes a moment to go).</summary>
    private static async Task<bool> EventuallyFalseAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && condition(); i++) await Task.Delay(100);
        return !condition();
    }
}
