using Tuner.Scheduler.Hosting.Settings;
using Hangfire;
using Tuner.Dashboard;
using Tuner.Scheduler.Api;
using Tuner.Scheduler.Api.Health;
using Tuner.Scheduler.Api.OpenApi;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Scheduler.Hosting.Monitoring;
using Tuner.Scheduling.Orchestration;
using Tuner.Scheduling.Settings;
using Tuner.Jobs;
using Tuner.Scheduler.Hosting.Access;

namespace Tuner.Scheduler.Hosting;

/// <summary>`tuner server`: the REST API, the dashboards, Prometheus metrics (/metrics), the orchestrator's Hangfire
/// queue and the reconciler.</summary>
public static class ServerHost
{
    /// <param name="verbose">`--verbose`: library log lines and stack traces.</param>
    /// <param name="minimumLevel">Tuner's own log lines from this level (`tuner run` shows progress instead, so Warning).</param>
    /// <param name="lifetime">
    /// Who stops the host: null is the console (SIGINT, SIGTERM), as for `tuner server`; `tuner run` passes its own,
    /// because Ctrl+C there cancels the sweep first and the server must keep running until the sweep has stopped.
    /// </param>
    /// <param name="server">The settings, read and checked (<see cref="ServerSettings.Read"/>).</param>
    public static WebApplication Build(
        ServerSettings server,
        string connectionString,
        bool verbose = false,
        LogLevel minimumLevel = LogLevel.Information,
        IHostLifetime? lifetime = null)
    {
        var settings = server.Settings;
        var access = server.Access;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddTunerConsole(verbose, minimumLevel);
        if (lifetime is not null)
        {
            builder.Services.AddSingleton(lifetime);
        }

        builder.Services.AddTunerCore(settings, connectionString, server.Limits, server.Costs, server.Webhooks);
        builder.Services.AddHangfireServer(o =>
        {
            o.Queues = [HangfireSetup.OrchestratorQueue];
            o.WorkerCount = 2;
            o.ServerName = $"tuner-server:{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.Services.AddHostedService<Reconciler>();
        builder.Services.AddHostedService<Tuner.Scheduling.Models.PromotionPass>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Tuner.Scheduling.Webhooks.WebhookSender>());
        builder.Services.AddTunerCapacity(settings, server.Capacity, server.Clouds);
        builder.Services.AddTunerOpenApi();
        builder.Services.AddApiProblems();
        builder.Services.AddValidation();
        builder.Services.AddTunerHealthChecks();
        builder.Services.AddTunerServerMetrics();
        builder.Services.AddTunerAccess(access);
        builder.Services.AddSingleton<Api.Pages.FinishedSweepAnswers>();

        var app = builder.Build();
        if (settings.PathBase is { } pathBase)
        {
            // Before everything else, so each route, redirect, cookie and link is under it (docs/access.md).
            app.UsePathBase(pathBase);
        }

        app.UseApiProblems();
        app.UseTunerAccess();
        app.MapSignIn();
        app.MapTunerOpenApi();
        app.MapTunerHealthChecks();
        app.MapTunerMetrics();
        app.MapSweepsApi();
        app.MapSweepPagesApi();
        app.MapCostApi();
        app.MapCheckpointsApi();
        app.MapSchedulesApi();
        app.MapModelsApi();
        app.MapBundlesApi();
        app.MapTunerDashboard(HangfireAccess.For(access)).RequireActionRole(Tuner.Core.Access.AccessRole.Admin);
        app.MapTunerPages();
        return app;
    }

    /// <summary>
    /// Starts the server. When it cannot (its address is in use), the hosted services that did start (Hangfire, the
    /// reconciler, the autoscaler) are stopped before the exception goes on, so they do not run on into a disposed host.
    /// </summary>
    public static async Task StartAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.StopAsync();
            throw;
        }
    }
}
