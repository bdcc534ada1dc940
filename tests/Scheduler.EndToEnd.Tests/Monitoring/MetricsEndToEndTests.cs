using System.Globalization;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Metrics;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Monitoring;

/// <summary>
/// A real `tuner server` and a real `tuner worker` with TUNER_WORKER_METRICS_PORT run a sweep; then the server's
/// /metrics holds the trials as the API reports them, and the latency histograms, scraped from both processes, count
/// what each process did: every report's prune decision in the worker, and one sampler ask per trial between the
/// server's orchestration passes and the worker's.
/// </summary>
[Collection("postgres")]
public sealed class MetricsEndToEndTests(PostgresServerFixture postgres)
{
    private const int Trials = 4;

    private static readonly string Definition = string.Create(CultureInfo.InvariantCulture, $$"""
        name: metrics-end-to-end
        workload: { kind: synthetic, max_epochs: 3, function: branin }
        objective: { metric: val_loss }
        space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }
        sampler: { kind: random, seed: 5 }
        pruner: { kind: median, startup_trials: 1, warmup_steps: 0 }
        budget: { max_trials: {{Trials}}, parallelism: 1 }
        """);

    [Fact]
    public async Task ServerAndWorkerMetrics_CountTheSweepsTrialsReportsAndAsks()
    {
        var workerPort = FreePort.Next();
        await using var cluster = await TunerCluster.StartAsync(
            await postgres.CreateDatabaseAsync("metrics_e2e"),
            new Dictionary<string, string> { ["TUNER_WORKER_METRICS_PORT"] = workerPort.ToString(CultureInfo.InvariantCulture) });
        cluster.StartWorker();
        var workerMetrics = $"http://127.0.0.1:{workerPort}/metrics";

        var sweepId = await cluster.SubmitIdAsync(Definition);
        await Eventually.GetAsync(
            async () => await cluster.SweepAsync(sweepId) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(2), $"sweep {sweepId} to complete", cluster.Diagnostics);
        var trials = await cluster.TrialsAsync(sweepId);
        var server = await MetricsScrape.GetAsync(cluster.Http, "metrics");
        var worker = await MetricsScrape.GetAsync(cluster.Http, workerMetrics);

        Assert.Equal(Trials, trials.Count);
        foreach (var state in new[] { "Waiting", "Running", "Complete", "Pruned", "Failed", "Cancelled" })
        {
            Assert.Equal(trials.Count(t => t.State == state), server.Value("tuner_trials", ("pool", "local"), ("state", state.ToLowerInvariant())));
        }

        Assert.Equal(0, server.Value("tuner_queue_depth", ("pool", "local")));
        Assert.Equal(1, server.Value("tuner_workers", ("pool", "local")));
        Assert.Equal((0, 0), (server.Value("tuner_preemptions_total", ("pool", "local")), server.Value("tuner_lease_losses_total", ("pool", "local"))));

        // Every report reached a decision in the worker, the only process that ran trials; none in the server.
        var reports = trials.Sum(t => t.Reports.Count);
        Assert.True(reports >= Trials, $"each trial reports at least one epoch, but {reports} reports came from {Trials} trials");
        Assert.Equal(reports, worker.Sum("tuner_prune_decision_duration_seconds_count"));
        Assert.Equal(
            trials.Count(t => t.State == "Pruned"),
            worker.Series("tuner_prune_decision_duration_seconds_count").Where(s => s.Labels["decision"] == "prune").Sum(s => s.Value));
        Assert.Equal(0, server.Sum("tuner_prune_decision_duration_seconds_count"));

        // Each trial was sampled once, by the server's pass after the submit or by the worker's pass after a trial.
        var serverAsks = server.Sum("tuner_sampler_ask_duration_seconds_count");
        var workerAsks = worker.Sum("tuner_sampler_ask_duration_seconds_count");
        Assert.Equal(Trials, serverAsks + workerAsks);
        Assert.True(workerAsks > 0, $"the worker's orchestration passes sampled no trial (server: {serverAsks})");
        Assert.Equal(Trials, server.Value("tuner_sampler_ask_duration_seconds_count", ("sampler", "random")) + worker.Value("tuner_sampler_ask_duration_seconds_count", ("sampler", "random")));

        // The worker exports what it observes, not the database's figures (the server does: no double counting).
        Assert.Empty(worker.Series("tuner_trials"));
    }
}
