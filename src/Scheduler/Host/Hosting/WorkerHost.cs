using Hangfire;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Scheduler.Hosting.Monitoring;
using Tuner.Scheduling.Trials;
using Tuner.Scheduling.Workers;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// `tuner worker`: one Hangfire worker on its pool's queue, so one trial at a time per process. SIGTERM or a spot
/// notice stops the host: Hangfire fires the running job's token, the trial checkpoints at its next batch and is handed
/// back, no new trial is taken, and the process exits.
/// </summary>
public static class WorkerHost
{
    public static IHost Build(TunerSettings settings, WorkerOptions worker, string connectionString, bool verbose = false)
    {
        // The content root is the program's folder, as the server's: the default (the working directory) has the host
        // watch every folder under wherever the worker was started from, seconds of start-up in a source tree.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddTunerConsole(verbose);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = WorkerShutdown.Grace + TimeSpan.FromSeconds(1));
        var identity = WorkerIdentity.ForThisProcess(worker);
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton(worker);
        builder.Services.AddTunerCore(settings, connectionString, prepareHangfireSchema: false);
        builder.Services.AddHangfireServer(o =>
        {
            o.Queues = [identity.Queue];
            o.WorkerCount = 1;
            o.ServerName = identity.Id;
            o.ShutdownTimeout = WorkerShutdown.Grace;
            // Not a lightweight server: Hangfire.PostgreSql's heartbeat of fetched jobs (what makes the invisibility
            // timeout slide, so a long trial's job is not fetched again) is a storage component, which a lightweight
            // server leaves out (LongTrialTests). The price: a worker also runs Hangfire's recurring-job scheduler, so
            // while no server runs it enqueues schedule firings (docs/schedules.md says what they do).
        });
        builder.Services.AddHostedService<WorkerPresence>();
        builder.Services.AddHttpClient();
        builder.Services.AddHostedService<PreemptionNotices>();
        builder.Services.AddHostedService<WorkerMetricsListener>();
        return builder.Build();
    }
}
