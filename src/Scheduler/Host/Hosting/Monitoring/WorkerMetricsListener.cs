using Prometheus;
using Tuner.Scheduling.Monitoring;
using Tuner.Scheduling.Workers;

namespace Tuner.Scheduler.Hosting.Monitoring;

/// <summary>
/// `tuner worker`'s own <c>/metrics</c> (TUNER_WORKER_METRICS_PORT; off when 0): the sampler asks of the orchestration
/// pass it runs after each trial and the prune decisions of its reports happen in the worker, so only the worker can
/// export them. A small Kestrel server of its own, on every interface so Prometheus can reach a cloud worker.
/// A port that is taken (local workers inherit the server's environment, so a second one finds the port in use) costs
/// the metrics, never the worker: it logs a warning and runs without them.
/// </summary>
public sealed class WorkerMetricsListener(TunerMetrics metrics, WorkerOptions worker, ILogger<WorkerMetricsListener> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (worker.MetricsPort == 0) return;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://*:{worker.MetricsPort}");
        var server = builder.Build();
        server.MapMetrics(MetricsEndpoint.Path, metrics.Registry);
        try
        {
            await server.StartAsync(cancellationToken);
            _server = server;
            logger.LogInformation("Serving Prometheus metrics at http://*:{Port}{Path}", worker.MetricsPort, MetricsEndpoint.Path);
        }
        catch (IOException ex)
        {
            await server.DisposeAsync();
            logger.LogWarning("Cannot serve metrics on port {Port} ({Message}); this worker runs without its /metrics", worker.MetricsPort, ex.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) await _server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
