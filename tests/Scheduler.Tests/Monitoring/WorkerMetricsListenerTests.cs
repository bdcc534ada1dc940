using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Tuner.Scheduler.Hosting.Monitoring;
using Tuner.Scheduling.Monitoring;
using Tuner.Scheduling.Workers;
using Tuner.TestSupport;
using Tuner.TestSupport.Metrics;
using Tuner.Trainer;

namespace Tuner.Scheduler.Tests.Monitoring;

/// <summary>A worker's own /metrics listener (TUNER_WORKER_METRICS_PORT) on real Kestrel: it serves what the worker
/// observed, and a port already taken costs the metrics, never the worker's start.</summary>
public sealed class WorkerMetricsListenerTests
{
    [Fact]
    public async Task Listener_ServesTheWorkersObservations_OnItsPort()
    {
        var port = FreePort.Next();
        var metrics = new TunerMetrics();
        metrics.PruneDecided(PruneDecision.Prune, cancelRequested: false, TimeSpan.FromMilliseconds(4));
        metrics.PruneDecided(PruneDecision.Continue, cancelRequested: false, TimeSpan.FromMilliseconds(2));
        var log = new ListLogger();
        await using var listener = Listener(metrics, port, log);

        await listener.StartAsync(CancellationToken.None);
        using var http = new HttpClient();
        var scrape = await MetricsScrape.GetAsync(http, $"http://127.0.0.1:{port}/metrics");
        await listener.StopAsync(CancellationToken.None);

        Assert.Equal((1, 1), (scrape.Value("tuner_prune_decision_duration_seconds_count", ("decision", "prune")),
            scrape.Value("tuner_prune_decision_duration_seconds_count", ("decision", "continue"))));
        Assert.Equal(0.006, scrape.Sum("tuner_prune_decision_duration_seconds_sum"), precision: 6);
        Assert.Equal([(LogLevel.Information, $"Serving Prometheus metrics at http://*:{port}/metrics")], log.Lines);
    }

    [Fact]
    public async Task Listener_StartsWithoutServing_WhenItsPortIsTaken()
    {
        var taken = TcpListener.Create(0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var log = new ListLogger();
            await using var listener = Listener(new TunerMetrics(), port, log);

            await listener.StartAsync(CancellationToken.None);
            await listener.StopAsync(CancellationToken.None);

            var (level, message) = Assert.Single(log.Lines);
            Assert.Equal(LogLevel.Warning, level);
            Assert.StartsWith($"Cannot serve metrics on port {port} (", message);
            Assert.EndsWith("); this worker runs without its /metrics", message);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Listener_StartsNothing_WhenThePortIsZero()
    {
        var log = new ListLogger();
        await using var listener = Listener(new TunerMetrics(), 0, log);

        await listener.StartAsync(CancellationToken.None);
        await listener.StopAsync(CancellationToken.None);

        Assert.Empty(log.Lines);
    }

    private static WorkerMetricsListener Listener(TunerMetrics metrics, int port, ListLogger log) =>
        new(metrics, new WorkerOptions { MetricsPort = port }, log);

    private sealed class ListLogger : ILogger<WorkerMetricsListener>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
