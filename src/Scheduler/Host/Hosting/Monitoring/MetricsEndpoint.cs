using Prometheus;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduler.Hosting.Monitoring;

/// <summary>
/// <c>GET /metrics</c> on `tuner server` (and `tuner run`): the Prometheus text format of this process's
/// <see cref="TunerMetrics"/>, with the figures <see cref="DatabaseMetrics"/> reads from PostgreSQL at each scrape.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddTunerServerMetrics(this IServiceCollection services) =>
        services.AddSingleton<DatabaseMetrics>();

    public static IEndpointConventionBuilder MapTunerMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<TunerMetrics>();
        // Created here, once: its constructor registers the scrape-time queries on the registry.
        _ = app.Services.GetRequiredService<DatabaseMetrics>();
        return app.MapMetrics(Path, metrics.Registry).ExcludeFromDescription();
    }
}
