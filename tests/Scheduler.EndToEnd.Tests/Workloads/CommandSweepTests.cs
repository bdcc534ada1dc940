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
}
