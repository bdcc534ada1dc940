using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.Trainer.Data;
using Xunit.Abstractions;
using Tuner.Jobs;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// A real PostgreSQL stopped (fast shutdown: the server closes every connection with 57P01) while a trial's report is
/// in its transaction, under the real <see cref="TrialJob"/> with real TorchSharp training. The report is held at its
/// first statement by a table lock the test takes, so the outage lands inside it every time.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string Sweep = """
        name: database-outage
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 500, validation_samples: 100 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
        sampler: { kind: random, seed: 11 }
        pruner: { kind: none }
        budget: { max_trials: 1, parallelism: 1, max_attempts: 1 }
        """;

    [Fact]
    public async Task Trial_IsHandedBackNotFailed_WhenPostgresStopsForASecondDuringAReport()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var harness = await SchedulerHarness.StartAsync(await postgres.CreateDatabaseAsync("outage_blip"));
        var trialId = (await harness.TrialsAsync(await harness.SubmitAsync(Sweep))).Single().Id;

        var job = await HoldReportAsync(harness, () => NewJob(harness).RunAsync(trialId, CancellationToken.None), _ => postgres.StopAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await postgres.StartAgainAsync();
        await job;

        var interrupted = await TrialAsync(harness, trialId);
        Assert.Equal(TrialStatus.Waiting, interrupted.Status);
        Assert.Equal((0, 0, 0), (interrupted.Attempts, interrupted.LostRuns, interrupted.Preemptions));
        var run = Assert.Single(interrupted.Runs);
        Assert.Equal(TrialRunOutcome.Interrupted, run.Outcome);
        Assert.StartsWith("infrastructure fault: ", run.EndReason);
        output.WriteLine($"interrupted run: {run.EndReason}");

        await NewJob(harness).RunAsync(trialId, CancellationToken.None);
        var resumed = await TrialAsync(harness, trialId);
        Assert.Equal(TrialStatus.Complete, resumed.Status);
        Assert.Equal([TrialRunOutcome.Interrupted, TrialRunOutcome.Completed], resumed.Runs.OrderBy(r => r.Id).Select(r => r.Outcome));
        Assert.Equal(2, resumed.Reports.Count);
    }

    /// <summary>The blip that used to fail trials: the server stays up, so the old path could write Failed at once.</summary>
    [Fact]
    public async Task Trial_IsHandedBackNotFailed_WhenItsConnectionIsTerminatedDuringAReport()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var harness = await SchedulerHarness.StartAsync(await postgres.CreateDatabaseAsync("outage_terminate"));
        var trialId = (await harness.TrialsAsync(await harness.SubmitAsync(Sweep))).Single().Id;

        await (await HoldReportAsync(harness, () => NewJob(harness).RunAsync(trialId, CancellationToken.None), TerminateWaiterAsync));

        var interrupted = await TrialAsync(harness, trialId);
        Assert.Equal((TrialStatus.Waiting, 0, (string?)null), (interrupted.Status, interrupted.Attempts, interrupted.Error));
        Assert.Equal(TrialRunOutcome.Interrupted, Assert.Single(interrupted.Runs).Outcome);
    }

    [Fact]
    public async Task Job_FailsWithTheReportsFault_NotTheOrchestrationEnqueues_WhenPostgresStaysDown()
    {
        await MnistFiles.EnsureAsync(RepositoryPaths.MnistDirectory, CancellationToken.None);
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var harness = await SchedulerHarness.StartAsync(
            await postgres.CreateDatabaseAsync("outage_long"), leaseDuration: TimeSpan.FromSeconds(2));
        var trialId = (await harness.TrialsAsync(await harness.SubmitAsync(Sweep))).Single().Id;

        var job = await HoldReportAsync(harness, () => NewJob(harness).RunAsync(trialId, CancellationToken.None), _ => postgres.StopAsync());
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => job);
        await postgres.StartAgainAsync();

        output.WriteLine($"the job failed with {thrown}");
        Assert.IsNotType<BackgroundJobClientException>(thrown);
        Assert.True(InfrastructureFaults.IsInfrastructure(thrown), thrown.ToString());
        Assert.Contains($"{nameof(FencedTrialHost)}.{nameof(FencedTrialHost.ReportAsync)}", thrown.StackTrace);
        var trial = await TrialAsync(harness, trialId);
        Assert.Equal((TrialStatus.Running, 0), (trial.Status, trial.Attempts));
    }

    private static TrialJob NewJob(SchedulerHarness harness) =>
        new(ActivatorUtilities.CreateInstance<TrialExecution>(harness.Services, new WorkerIdentity("outage-worker", "test-host", Environment.ProcessId)));

    /// <summary>
    /// Locks the reports table, starts the job, and once the trial's first report waits on the lock (inside its
    /// transaction) interrupts it: stops PostgreSQL, or terminates the report's connection. Returns the running job.
    /// </summary>
    private static async Task<Task> HoldReportAsync(SchedulerHarness harness, Func<Task> run, Func<NpgsqlConnection, Task> interrupt)
    {
        var locker = new NpgsqlConnectionStringBuilder(harness.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(locker);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var command = new NpgsqlCommand("LOCK TABLE tuner.trial_reports IN ACCESS EXCLUSIVE MODE", connection, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            var job = Task.Run(run);
            await Eventually.GetAsync(async () =>
            {
                Assert.False(job.IsCompleted, $"the job ended before its first report: {job.Exception}");
                await using var waiting = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'tuner.trial_reports'::regclass", connection, transaction);
                return (long)(await waiting.ExecuteScalarAsync())! > 0 ? "waiting" : null;
            }, TimeSpan.FromMinutes(2), "the trial's first report to wait on the reports table");
            await interrupt(connection);
            return job;
        }
    }

    /// <summary>pg_terminate_backend on the backend waiting for the reports table: 57P01 to the report, the server stays up.</summary>
    private static async Task TerminateWaiterAsync(NpgsqlConnection connection)
    {
        await using var terminate = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE NOT granted AND relation = 'tuner.trial_reports'::regclass", connection);
        Assert.Equal(true, await terminate.ExecuteScalarAsync());
    }

    private static async Task<Trial> TrialAsync(SchedulerHarness harness, long trialId)
    {
        await using var db = await harness.DbAsync();
        return await db.Trials.AsNoTracking().Include(t => t.Runs).Include(t => t.Reports).SingleAsync(t => t.Id == trialId);
    }
}
