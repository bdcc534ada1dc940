using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Metrics;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Monitoring;

/// <summary>
/// GET /metrics on a real `tuner server` (in this process, real Kestrel, real PostgreSQL): the figures read from the
/// database at scrape time equal what the database holds, per pool and state, and follow it from one scrape to the
/// next; the sampler's latency histogram counts the asks the server's orchestration passes made.
/// </summary>
[Collection("postgres")]
public sealed class ServerMetricsTests(PostgresServerFixture postgres)
{
    private const string Local = "local";
    private static readonly string Aws = CloudSweeps.Pool;

    [Fact]
    public async Task Metrics_ReportTrialsQueuesWorkersPreemptionsAndLeaseLosses_AsTheDatabaseHoldsThem()
    {
        await using var server = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("server_metrics"));
        // Every trial is created now (max_trials = parallelism on the local sweep, 3 of 10 on the aws one), so later
        // passes of the server's reconciler add none: the test alone changes the trials from here on.
        var localSweep = await server.SubmitAsync(SweepTexts.Small(maxTrials: 6, parallelism: 6, seed: 11));
        var awsSweep = await server.SubmitAsync(CloudSweeps.Aws(parallelism: 3));
        await Eventually.HoldsAsync(async () => await TrialCountAsync(server, localSweep) == 6 && await TrialCountAsync(server, awsSweep) == 3,
            TimeSpan.FromSeconds(30), "the server's orchestration passes to create 6 + 3 trials");

        await using (var db = await server.DbAsync())
        {
            var local = await db.Trials.Where(t => t.SweepId == localSweep).OrderBy(t => t.Number).ToListAsync();
            Set(local[0], TrialStatus.Complete, preemptions: 2);
            Set(local[1], TrialStatus.Pruned);
            Set(local[2], TrialStatus.Running, preemptions: 1);
            local[2].LeaseOwner = "worker-a";
            local[2].LeaseExpiresAt = DateTimeOffset.UtcNow.AddHours(1);
            var aws = await db.Trials.Where(t => t.SweepId == awsSweep).OrderBy(t => t.Number).ToListAsync();
            aws[0].Preemptions = 4;
            db.TrialRuns.AddRange(Run(local[0], TrialRunOutcome.Lost), Run(local[0], TrialRunOutcome.Lost),
                Run(local[0], TrialRunOutcome.Completed), Run(local[2], TrialRunOutcome.Preempted), Run(aws[0], TrialRunOutcome.Lost));
            db.Workers.AddRange(Worker("worker-a", Local, WorkerState.Active), Worker("worker-b", Local, WorkerState.Active),
                Worker("worker-c", Local, WorkerState.Stopped), Worker("worker-d", Local, WorkerState.Lost), Worker("worker-e", Aws, WorkerState.Active));
            await db.SaveChangesAsync();
        }

        var first = await MetricsScrape.GetAsync(server.Http, "metrics");

        Assert.Equal(1, first.Value("tuner_database_up"));
        Assert.Equal(
            [("local", "waiting", 3), ("local", "running", 1), ("local", "complete", 1), ("local", "pruned", 1), ("local", "failed", 0), ("local", "cancelled", 0),
             (Aws, "waiting", 3), (Aws, "running", 0), (Aws, "complete", 0), (Aws, "pruned", 0), (Aws, "failed", 0), (Aws, "cancelled", 0)],
            TrialsByPoolAndState(first));
        Assert.Equal(await TrialsByPoolAndStateInDatabaseAsync(server), TrialsByPoolAndState(first).Where(s => s.Trials > 0).Order());
        Assert.Equal((3, 3), (first.Value("tuner_queue_depth", ("pool", Local)), first.Value("tuner_queue_depth", ("pool", Aws))));
        Assert.Equal((2, 1), (first.Value("tuner_workers", ("pool", Local)), first.Value("tuner_workers", ("pool", Aws))));
        Assert.Equal((3, 4), (first.Value("tuner_preemptions_total", ("pool", Local)), first.Value("tuner_preemptions_total", ("pool", Aws))));
        Assert.Equal((2, 1), (first.Value("tuner_lease_losses_total", ("pool", Local)), first.Value("tuner_lease_losses_total", ("pool", Aws))));
        Assert.Equal(
            ("counter", "counter", "gauge", "gauge", "gauge"),
            (first.Types["tuner_preemptions_total"], first.Types["tuner_lease_losses_total"], first.Types["tuner_trials"],
             first.Types["tuner_queue_depth"], first.Types["tuner_workers"]));
        // The server sampled all 9 trials itself (random sampler), one ask each; the histogram's count says so.
        Assert.Equal(9, first.Value("tuner_sampler_ask_duration_seconds_count", ("sampler", "random")));
        Assert.Equal("histogram", first.Types["tuner_sampler_ask_duration_seconds"]);

        // The running trial completes, one more waiting trial is preempted back and its run lost, a worker stops:
        // the next scrape reads the database afresh.
        await using (var db = await server.DbAsync())
        {
            var local = await db.Trials.Where(t => t.SweepId == localSweep).OrderBy(t => t.Number).ToListAsync();
            local[2].Status = TrialStatus.Complete;
            local[3].Preemptions = 1;
            db.TrialRuns.Add(Run(local[3], TrialRunOutcome.Lost));
            (await db.Workers.SingleAsync(w => w.Id == "worker-b")).State = WorkerState.Stopped;
            await db.SaveChangesAsync();
        }

        var second = await MetricsScrape.GetAsync(server.Http, "metrics");

        Assert.Equal((0, 2), (second.Value("tuner_trials", ("pool", Local), ("state", "running")), second.Value("tuner_trials", ("pool", Local), ("state", "complete"))));
        Assert.Equal(await TrialsByPoolAndStateInDatabaseAsync(server), TrialsByPoolAndState(second).Where(s => s.Trials > 0).Order());
        Assert.Equal(3, second.Value("tuner_queue_depth", ("pool", Local)));
        Assert.Equal(1, second.Value("tuner_workers", ("pool", Local)));
        Assert.Equal(4, second.Value("tuner_preemptions_total", ("pool", Local)));
        Assert.Equal(3, second.Value("tuner_lease_losses_total", ("pool", Local)));
    }

    private static async Task<int> TrialCountAsync(InProcessServer server, long sweepId)
    {
        await using var db = await server.DbAsync();
        return await db.Trials.CountAsync(t => t.SweepId == sweepId);
    }

    private static void Set(Trial trial, TrialStatus status, int preemptions = 0)
    {
        trial.Status = status;
        trial.Preemptions = preemptions;
    }

    private static TrialRun Run(Trial trial, TrialRunOutcome outcome) => new()
    {
        TrialId = trial.Id,
        WorkerId = "worker-a",
        Outcome = outcome,
        StartedAt = DateTimeOffset.UtcNow,
    };

    private static Worker Worker(string id, string queue, WorkerState state) => new()
    {
        Id = id,
        Host = "test-host",
        Queue = queue,
        State = state,
        StartedAt = DateTimeOffset.UtcNow,
        LastHeartbeatAt = DateTimeOffset.UtcNow,
    };

    private static List<(string Pool, string State, int Trials)> TrialsByPoolAndState(MetricsScrape scrape) =>
        [.. scrape.Series("tuner_trials")
            .Select(s => (Pool: s.Labels["pool"], State: s.Labels["state"], Trials: (int)s.Value))
            .OrderBy(s => s.Pool == Local ? 0 : 1).ThenBy(s => Enum.Parse<TrialStatus>(s.State, ignoreCase: true))];

    /// <summary>The same figures counted straight from the tables, with SQL of the test's own.</summary>
    private static async Task<List<(string Pool, string State, int Trials)>> TrialsByPoolAndStateInDatabaseAsync(InProcessServer server)
    {
        await using var db = await server.DbAsync();
        var rows = await db.Database.SqlQuery<PoolStateCount>($"""
            SELECT s.pool AS "Pool", lower(t.status) AS "State", count(*)::int AS "Trials"
            FROM tuner.trials t JOIN tuner.sweeps s ON s.id = t.sweep_id GROUP BY s.pool, t.status
            """).ToListAsync();
        return [.. rows.Select(r => (r.Pool, r.State, r.Trials)).Order()];
    }

    private sealed record PoolStateCount(string Pool, string State, int Trials);
}
