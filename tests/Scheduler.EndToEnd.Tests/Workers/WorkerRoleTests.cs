using Npgsql;
using Tuner.Persistence;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Trainer.Data;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Workers;

/// <summary>A real `tuner worker` signed in as the worker role `tuner server` made (its password really checked) runs a
/// real trial to completion, and refuses to start, without migrating, when the schema is behind its version.</summary>
[Collection("postgres")]
public sealed class WorkerRoleTests(PostgresServerFixture postgres)
{
    private const string OneTrial = """
        name: worker-role
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 2000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 0.01, high: 0.1, log: true }
        sampler: { kind: random, seed: 3 }
        pruner: { kind: none }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task WorkerSignedInAsTheWorkerRole_RunsATrialToCompletion()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        var database = await postgres.CreateDatabaseAsync("worker_role_trial");
        await using var cluster = await TunerCluster.StartAsync(database);
        var (role, login) = await WorkerRoleLogin.ReadAsync(database, postgres.Cluster.ConnectionString);
        await using var worker = TunerProcess.Start(Environment(cluster, login), "worker");

        var trial = await cluster.OnlyTrialOnceCompletedAsync(await cluster.SubmitIdAsync(OneTrial));
        var sessions = await ScalarAsync(database, $"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'");

        Assert.Equal(2, trial.Reports.Count);
        Assert.NotEmpty(trial.Checkpoints);
        Assert.True((long)sessions! > 0, worker.Output);
        Assert.DoesNotContain("permission denied", worker.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LocalWorkersTheServerStarts_SignInAsTheWorkerRole_AndRunATrial()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        var database = await postgres.CreateDatabaseAsync("worker_role_local");
        await using var cluster = await TunerCluster.StartAsync(database, new Dictionary<string, string> { ["TUNER_LOCAL_MAX_WORKERS"] = "1" });
        var (role, _) = await WorkerRoleLogin.ReadAsync(database, postgres.Cluster.ConnectionString);

        var id = await cluster.SubmitIdAsync(OneTrial.Replace("budget:", "capacity: { provider: local, max_instances: 1 }\nbudget:", StringComparison.Ordinal));
        await Eventually.GetAsync(
            async () => (long)(await ScalarAsync(database, $"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'"))! > 0 ? "signed in" : null,
            TimeSpan.FromMinutes(2), $"a local worker to sign in as {role}", cluster.Diagnostics);
        var trial = await cluster.OnlyTrialOnceCompletedAsync(id);

        Assert.Equal(2, trial.Reports.Count);
    }

    [Fact]
    public async Task WorkerSignedInAsTheWorkerRole_Exits7WithOneLine_WhenTheSchemaIsBehind()
    {
        var database = await postgres.CreateDatabaseAsync("worker_role_behind");
        await using var cluster = await TunerCluster.StartAsync(database);
        var (_, login) = await WorkerRoleLogin.ReadAsync(database, postgres.Cluster.ConnectionString);
        var last = TunerDatabase.KnownMigrations.Order(StringComparer.Ordinal).Last();
        await ScalarAsync(database, $"DELETE FROM tuner.\"__EFMigrationsHistory\" WHERE migration_id = '{last}'");

        var result = await TunerCommand.RunAsync(Environment(cluster, login), "worker");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains("tuner: the database schema is behind this worker's version: start `tuner server` of this version first", result.StderrLines);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Null(await ScalarAsync(database, $"SELECT migration_id FROM tuner.\"__EFMigrationsHistory\" WHERE migration_id = '{last}'"));
    }

    private static Dictionary<string, string> Environment(TunerCluster cluster, string login) => new()
    {
        ["TUNER_HOME"] = cluster.Home,
        ["TUNER_DATABASE_URL"] = login,
        ["TUNER_DATA_DIR"] = RepositoryPaths.MnistDirectory,
        ["TUNER_CHECKPOINTS"] = cluster.CheckpointRoot,
    };

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
