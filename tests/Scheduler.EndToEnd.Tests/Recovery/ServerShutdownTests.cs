using System.Globalization;
using Npgsql;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>
/// A real `tuner server` that starts its own local workers (TUNER_LOCAL_MAX_WORKERS) and is then SIGTERMed: the workers
/// it started must stop with it (each hands its trial back), not run on as orphans.
/// </summary>
[Collection("postgres")]
public sealed class ServerShutdownTests(PostgresServerFixture postgres)
{
    private const string Sweep = """
        name: server-shutdown
        workload: { kind: mnist-mlp, max_epochs: 20, train_samples: 12000, validation_samples: 1000 }
        objective: { metric: val_accuracy }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
        sampler: { kind: random, seed: 5 }
        budget: { max_trials: 2, parallelism: 2 }
        """;

    [Fact]
    public async Task Server_StopsTheLocalWorkersItStarted_WhenSigtermed()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        var connectionString = await postgres.CreateDatabaseAsync("server_shutdown");
        await using var cluster = await TunerCluster.StartAsync(
            connectionString, new Dictionary<string, string> { ["TUNER_LOCAL_MAX_WORKERS"] = "2" });
        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep));
        var workers = await Eventually.GetAsync(async () =>
        {
            var running = (await cluster.TrialsAsync(created.Id)).Where(t => t.State == "Running" && t.Reports.Count > 0).ToList();
            return running.Count == 2 ? running.Select(t => WorkerPid(t.Runs[^1].Worker)).ToList() : null;
        }, TimeSpan.FromMinutes(3), "both trials to train on local workers", cluster.Diagnostics);
        Assert.All(workers, pid => Assert.True(ProcessState.IsRunning(pid), $"worker {pid} is not running"));

        cluster.Server.Terminate();
        var exit = await cluster.Server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit is not null, $"tuner server did not exit within 60 s of SIGTERM\n{cluster.Diagnostics()}");
        var orphans = workers.Where(ProcessState.IsRunning).ToList();
        foreach (var orphan in orphans) Tuner.Scheduling.Workers.ProcessSignals.Send(orphan, Tuner.Scheduling.Workers.ProcessSignals.SigKill);
        Assert.True(orphans.Count == 0, $"workers {string.Join(", ", orphans)} outlived tuner server\n{cluster.Diagnostics()}");
        Assert.Equal(["Preempted", "Preempted"], await LastRunOutcomesAsync(connectionString, created.Id));
    }

    private static int WorkerPid(string workerId) => int.Parse(workerId.Split(':')[1], CultureInfo.InvariantCulture);

    private static async Task<List<string>> LastRunOutcomesAsync(string connectionString, long sweepId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (r.trial_id) r.outcome FROM tuner.trial_runs r JOIN tuner.trials t ON t.id = r.trial_id
             WHERE t.sweep_id = @sweep ORDER BY r.trial_id, r.id DESC
            """, connection);
        command.Parameters.AddWithValue("sweep", sweepId);
        var outcomes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) outcomes.Add(reader.GetString(0));
        return outcomes;
    }
}
