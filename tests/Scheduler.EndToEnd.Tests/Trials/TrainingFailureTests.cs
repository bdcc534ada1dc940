using System.Net;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Trials;

/// <summary>Training that cannot go on, through a real `tuner server` and `tuner worker` with real TorchSharp training.</summary>
[Collection("postgres")]
public sealed class TrainingFailureTests(PostgresServerFixture postgres)
{
    /// <summary>
    /// SGD with a learning rate of 10^4 or more blows the MLP's weights up within a few batches. With seed 5 one trial's
    /// loss turns NaN and the other's infinite (training is deterministic for a given trial seed).
    /// </summary>
    private const string DivergingSweep = """
        name: diverging-sgd
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 2000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e4, high: 1.0e5, log: true }
          optimizer:     { type: categorical, choices: [sgd] }
          momentum:      { type: float, low: 0.0, high: 0.1 }
        sampler: { kind: random, seed: 5 }
        pruner: { kind: none }
        budget: { max_trials: 2, parallelism: 2, max_attempts: 1 }
        """;

    [Fact]
    public async Task Sweep_CompletesWithItsTrialsFailed_AndErrorsNamingTheNaNOrInfiniteLoss_WhenTheLossDiverges()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("nan_loss"));
        cluster.StartWorker();

        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(DivergingSweep));
        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(3), "the diverging sweep to complete", cluster.Diagnostics);
        var trials = await cluster.TrialsAsync(created.Id);
        var lateCancel = await cluster.Http.PostAsync($"api/sweeps/{created.Id}/cancel", null);

        Assert.Equal(2, trials.Count);
        Assert.All(trials, trial =>
        {
            Assert.Equal("Failed", trial.State);
            Assert.NotNull(trial.Error);
            Assert.Matches(@"^training loss became (NaN|infinite) at epoch 1, batch \d+ \(learning_rate=[0-9.E+]+, momentum=[0-9.E-]+, optimizer=sgd\)$", trial.Error);
            Assert.Equal(1, trial.Attempts);
            Assert.Equal("Failed", Assert.Single(trial.Runs).Outcome);
            Assert.Empty(trial.Checkpoints);
        });
        Assert.Contains(trials, trial => trial.Error!.StartsWith("training loss became NaN", StringComparison.Ordinal));
        Assert.Equal(2, sweep.Trials.Failed);
        Assert.Null(sweep.Best);
        Assert.Equal(HttpStatusCode.Conflict, lateCancel.StatusCode);
    }
}
