using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Api;
using Tuner.Scheduler.Checkpoints;
using Tuner.Persistence;
using Tuner.Scheduler.Orchestration;
using Tuner.Scheduler.Queueing;
using Tuner.Scheduler.Sweeps;
using Tuner.Scheduler.Trials;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Scheduler.Hosting;

/// <summary>The services every role shares: database, Hangfire client, checkpoint store, leases, orchestration.</summary>
public static class TunerServices
{
    public static IServiceCollection AddTunerCore(this IServiceCollection services, TunerSettings settings, string connectionString)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new DatabaseAddress(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<TunerDbContext>(o => o.UseTunerPostgres(connectionString));
        services.AddTunerHangfire(connectionString, settings.JobInvisibilityTimeout);
        services.AddSingleton<ICheckpointStore>(CheckpointStores.Create(settings));
        services.AddDefinitionLimits();
        services.AddSingleton<SweepPlans>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<CheckpointJanitor>();
        services.AddSingleton<TrialLeases>();
        services.AddSingleton<ExpiredLeases>();
        services.AddSingleton<Workers.WorkerStopReason>();
        services.AddSingleton<FencedTransaction>();
        services.AddSingleton<TrialFinalizer>();
        services.AddSingleton<TrialRunStarter>();
        services.AddSingleton<SweepOrchestrator>();
        services.AddSingleton<SweepSubmission>();
        services.AddSingleton<SweepQueries>();
        services.AddTransient<TrialJob>();
        services.AddTransient<SweepOrchestrationJob>();
        return services;
    }
}
