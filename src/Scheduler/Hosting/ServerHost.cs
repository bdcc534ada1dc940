using Hangfire;
using Tuner.Dashboard;
using Tuner.Scheduler.Api;
using Tuner.Scheduler.Api.Health;
using Tuner.Scheduler.Api.OpenApi;
using Tuner.Scheduler.Capacity;
using Tuner.Scheduler.Orchestration;

namespace Tuner.Scheduler.Hosting;

/// <summary>`tuner server`: the REST API, the dashboards, the orchestrator's Hangfire queue and the reconciler.</summary>
public static class ServerHost
{
    public static WebApplication Build(
        TunerSettings settings, string connectionString, LogLevel minimumLevel = LogLevel.Information, CapacitySettings? capacity = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddTunerCore(settings, connectionString);
        builder.Services.AddHangfireServer(o =>
        {
            o.Queues = [HangfireSetup.OrchestratorQueue];
            o.WorkerCount = 2;
            o.ServerName = $"tuner-server:{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.Services.AddHostedService<Reconciler>();
        builder.Services.AddTunerCapacity(settings, capacity ?? CapacitySettings.FromEnvironment(Environment.GetEnvironmentVariable));
        builder.Services.AddTunerOpenApi();
        builder.Services.AddApiProblems();
        builder.Services.AddValidation();
        builder.Services.AddTunerHealthChecks();

        var app = builder.Build();
        app.UseApiProblems();
        app.MapTunerOpenApi();
        app.MapTunerHealthChecks();
        app.MapSweepsApi();
        app.MapTunerDashboard();
        return app;
    }
}
