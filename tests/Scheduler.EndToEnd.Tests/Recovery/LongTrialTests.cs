using Npgsql;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Recovery;

/// <summary>
/// Hangfire.PostgreSql with a fixed invisibility timeout hands a job that runs longer than it to a second worker
/// (PLATFORM.md). Tuner configures a sliding timeout; here it is cut to 3 seconds and a trial runs for several times
/// that with an idle second worker waiting: the trial's job must be fetched exactly once.
/// </summary>
[Collection("postgres")]
public sealed class LongTrialTests(PostgresServerFixture postgres)
{
    /// <summary>Four epochs of 3 s each: a trial that lasts 12 s on any machine (the synthetic workload's steps take a
    /// set time), four times the timeout below. A model's training time would depend on the machine's speed.</summary>
    private const string Sweep = """
        name: e2e-long-trial
        workload: { kind: synthetic, max_epochs: 4, step_seconds: 3, batches: 3 }
        objective: { metric: val_loss }
        space:
          x0: { type: float, low: -5, high: 10 }
          x1: { type: float, low: 0, high: 15 }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 1, parallelism: 1 }
        """;

    [Fact]
    public async Task Trial_IsFetchedOnce_WhenItRunsLongerThanTheJobInvisibilityTimeout()
    {
        var connectionString = await postgres.CreateDatabaseAsync("long_trial");
        await using var cluster = await TunerCluster.StartAsync(
            connectionString, new Dictionary<string, string> { ["TUNER_JOB_INVISIBILITY_SECONDS"] = "3" });
        cluster.StartWorker();
        cluster.StartWorker();

        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(Sweep));
        await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(4), "the sweep to complete", cluster.Diagnostics);

        var trial = Assert.Single(await cluster.TrialsAsync(created.Id));
        Assert.Equal("Complete", trial.State);
        var runSeconds = (trial.Runs[0].EndedAt!.Value - trial.Runs[0].StartedAt).TotalSeconds;
        Assert.True(runSeconds > 9, $"the trial ran {runSeconds:F1}s, not long enough to outlive the 3 s timeout three times");
        Assert.Single(trial.Runs);
        Assert.Equal(1, await ProcessingCountAsync(connectionString, trial.Id));
    }

    /// <summary>How many times Hangfire moved the trial's job to Processing, from its own state history.</summary>
    private static async Task<long> ProcessingCountAsync(string connectionString, long trialId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM hangfire.state s
              JOIN tuner.trials t ON s.jobid = t.job_id::bigint
             WHERE t.id = @trial AND s.name = 'Processing'
            """, connection);
        command.Parameters.AddWithValue("trial", trialId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
