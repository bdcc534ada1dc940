using System.Globalization;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Xunit.Abstractions;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>
/// A trial that keeps killing its worker (as an out-of-memory kill or a segfault would), played by real `tuner worker`
/// processes SIGKILLed each time they run it: after budget.max_lost_runs it ends Failed, and the sweep goes on.
/// </summary>
[Collection("postgres")]
public sealed class LostWorkerTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const string Sweep = """
        name: e2e-lost-workers
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 2000, validation_samples: 200 }
        objective: { metric: val_accuracy }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
        sampler: { kind: random, seed: 9 }
        budget: { max_trials: 2, parallelism: 1, max_lost_runs: 2 }
        """;

    [Fact]
    public async Task Trial_EndsFailed_AfterMaxLostRuns_WhenEveryWorkerRunningItIsKilled_AndTheSweepCompletes()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var cluster = await TunerCluster.StartAsync(
            await postgres.CreateDatabaseAsync("e2e_lost_workers"), new Dictionary<string, string> { ["TUNER_LEASE_SECONDS"] = "4" });
        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep));
        var doomed = await Eventually.GetAsync(async () => (await cluster.TrialsAsync(created.Id)).SingleOrDefault(),
            TimeSpan.FromSeconds(30), "the first trial", cluster.Diagnostics);

        for (var kill = 1; kill <= 2; kill++)
        {
            var worker = cluster.StartWorker();
            await Eventually.GetAsync(async () =>
                (await cluster.TrialsAsync(created.Id)).Single(t => t.Id == doomed.Id) is { State: "Running" } t
                && t.Runs.Count == kill && WorkerPid(t.Runs[^1].Worker) == worker.Id ? t : null,
                TimeSpan.FromMinutes(2), $"worker {kill} to run trial {doomed.Number}", cluster.Diagnostics);
            worker.Kill();
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        cluster.StartWorker();
        await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(3), "the sweep to complete", cluster.Diagnostics);
        var trials = await cluster.TrialsAsync(created.Id);

        var failed = trials.Single(t => t.Id == doomed.Id);
        output.WriteLine(failed.Error);
        Assert.Equal(("Failed", 2, 0, 0), (failed.State, failed.LostRuns, failed.Preemptions, failed.Attempts));
        Assert.Matches(@"^worker lost 2 times \(last: worker [^ ]+:\d+:[0-9a-f]{6} went silent without notice during epoch \d\)$", failed.Error);
        Assert.Equal(["Lost", "Lost"], failed.Runs.Select(r => r.Outcome));
        var other = Assert.Single(trials, t => t.Id != doomed.Id);
        Assert.Equal("Complete", other.State);
    }

    private static int WorkerPid(string workerId) => int.Parse(workerId.Split(':')[1], CultureInfo.InvariantCulture);
}
