using System.Net;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Xunit.Abstractions;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>
/// The spine, end to end on real parts: a sweep submitted over REST to a `tuner server` process, trials run by
/// `tuner worker` processes through Hangfire on PostgreSQL, real TorchSharp training on MNIST subsets. One worker is
/// SIGKILLed and another SIGTERMed in mid-trial; the sweep must still finish with nothing lost and nothing retrained.
/// </summary>
[Collection("postgres")]
public sealed class KillAndTerminateTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const string Sweep = """
        name: e2e-kill-and-terminate
        workload: { kind: mnist-mlp, max_epochs: 5, train_samples: 12000, validation_samples: 1000 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-5, high: 0.3, log: true }
          batch_size:    { type: categorical, choices: [32, 64] }
          hidden_units:  { type: int, low: 64, high: 256, log: true }
          optimizer:     { type: categorical, choices: [adam, sgd] }
        sampler: { kind: random, seed: 7 }
        pruner: { kind: median, startup_trials: 2, warmup_steps: 1 }
        budget: { max_trials: 8, parallelism: 3, max_attempts: 1 }
        """;

    [Fact]
    public async Task Sweep_FinishesWithNothingLost_WhenOneWorkerIsKilledAndAnotherTerminatedMidTrial()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("e2e"));
        for (var i = 0; i < 3; i++)
        {
            cluster.StartWorker();
        }

        var response = await cluster.SubmitAsync(Sweep);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await TunerCluster.ReadAsync<SweepCreated>(response);
        Assert.Equal($"/api/sweeps/{created.Id}", response.Headers.Location?.ToString());

        var killed = await InterruptAsync(cluster, created.Id, excluding: null, interrupt: worker => worker.Kill());
        var killedAt = DateTimeOffset.UtcNow;
        var terminated = await InterruptAsync(cluster, created.Id, excluding: killed.Trial.Id, interrupt: worker => worker.Terminate());
        var exit = await terminated.Worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exit is not null && exit <= TimeSpan.FromSeconds(10), $"SIGTERMed worker took {exit} to exit\n{cluster.Diagnostics()}");
        cluster.StartWorker();

        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(8), "the sweep to complete", cluster.Diagnostics);
        var trials = await cluster.TrialsAsync(created.Id);

        SweepAssertions.EveryTrialEndedForAStatedReason(trials);
        SweepAssertions.NoEpochTrainedTwiceBeyondItsCheckpoint(trials);
        SweepAssertions.RetentionKeptOnlyBestCheckpoints(sweep, trials, cluster.CheckpointRoot, created.Id);
        await SweepAssertions.BestCheckpointLoadsAsync(sweep, trials, cluster.Http);

        var afterKill = trials.Single(t => t.Id == killed.Trial.Id);
        Assert.True(afterKill.LostRuns >= 1, "the killed trial's lost run was not counted");
        Assert.Equal("Lost", afterKill.Runs[0].Outcome);
        Assert.True(afterKill.Runs.Count >= 2, "the killed trial never resumed");
        Assert.True(afterKill.Runs[1].ResumedEpoch >= killed.CheckpointedEpochs,
            $"resumed at epoch {afterKill.Runs[1].ResumedEpoch} although epoch {killed.CheckpointedEpochs} was checkpointed");
        Assert.True(afterKill.Runs[1].StartedAt - killedAt <= TimeSpan.FromSeconds(60),
            $"another worker took {afterKill.Runs[1].StartedAt - killedAt} to resume the killed worker's trial");

        output.WriteLine($"SIGTERM: worker exited in {exit!.Value.TotalSeconds:F1}s; SIGKILL: trial resumed on another worker after {(afterKill.Runs[1].StartedAt - killedAt).TotalSeconds:F1}s");
        output.WriteLine($"trials: {string.Join(", ", trials.Select(t => $"{t.Number}:{t.State}"))}");

        var afterTerm = trials.Single(t => t.Id == terminated.Trial.Id);
        Assert.Equal("Preempted", afterTerm.Runs[0].Outcome);
        Assert.True(afterTerm.Preemptions >= 1);
        Assert.Equal(afterTerm.Reports.Count, afterTerm.Runs.Sum(r => r.EpochsTrained));
    }

    private sealed record Interrupted(TrialView Trial, TunerProcess Worker, int CheckpointedEpochs);

    /// <summary>Waits for a trial in mid-training (checkpointed, not near its end) on a live worker, then interrupts that worker.</summary>
    private static async Task<Interrupted> InterruptAsync(
        TunerCluster cluster, long sweepId, long? excluding, Action<TunerProcess> interrupt)
    {
        return await Eventually.GetAsync(async () =>
        {
            foreach (var trial in await cluster.TrialsAsync(sweepId))
            {
                if (trial.Id == excluding || trial.State != "Running" || trial.Checkpoints.Count == 0 || trial.Reports.Count > 3)
                {
                    continue;
                }

                var pid = int.Parse(trial.Runs[^1].Worker.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
                var worker = cluster.Workers.SingleOrDefault(w => w.Id == pid && !w.HasExited);
                if (worker is not null)
                {
                    interrupt(worker);
                    return new Interrupted(trial, worker, trial.Reports.Count);
                }
            }

            return null;
        }, TimeSpan.FromMinutes(4), "a checkpointed trial in mid-training", cluster.Diagnostics);
    }
}
