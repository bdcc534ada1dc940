using Tuner.Scheduling.Schedules;
using Tuner.Scheduling.Models;
using Microsoft.Extensions.Options;
using Tuner.Core.Definitions;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Api;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Scheduling.Orchestration;
using Tuner.Jobs;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Trials;
using Tuner.Trainer.Checkpoints;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Workers;
using Tuner.Core.Queueing;
using Tuner.Persistence.Leases;
using Tuner.Core.Workloads;
using Tuner.Scheduling.Workloads;
using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Webhooks;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduler.Hosting;

/// <summary>The services every role shares: database, Hangfire client, checkpoint store, leases, orchestration.</summary>
public static class TunerServices
{
    /// <param name="limits">What a submitted definition may ask; null: the defaults.</param>
    /// <param name="costs">The prices the ledger charges; null: the shipped catalogue, local price unset.</param>
    /// <param name="webhooks">Where alerts go; null: nowhere.</param>
    /// <param name="prepareHangfireSchema">False for `tuner worker`, whose role may not change Hangfire's tables.</param>
    public static IServiceCollection AddTunerCore(
        this IServiceCollection services, TunerSettings settings, string connectionString, DefinitionLimits? limits = null,
        CostSettings? costs = null, WebhookSettings? webhooks = null, bool prepareHangfireSchema = true)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new DatabaseAddress(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TunerMetrics>();
        var pooled = TunerDatabase.ForServices(connectionString);
        services.AddDbContextFactory<TunerDbContext>(o => o.UseTunerPostgres(pooled));
        services.AddTunerHangfire(pooled, settings.JobInvisibilityTimeout, prepareHangfireSchema);
        services.AddSingleton<ICheckpointStore>(CheckpointStores.Create(settings));
        services.AddSingleton(Options.Create(limits ?? new DefinitionLimits()));
        services.AddSingleton<IWorkloadCatalog>(s => PluginBundles.Catalog(settings.Home, s.GetRequiredService<ICheckpointStore>()));
        services.AddSingleton<PluginBundles>();
        services.AddSingleton<SweepPlans>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobQueue>(s => s.GetRequiredService<JobQueue>());
        services.AddSingleton<IRecurringSchedules, HangfireSchedules>();
        services.AddSingleton<ScheduleRegistry>();
        services.AddSingleton<ScheduleFiring>();
        services.AddSingleton<CheckpointScoring>();
        services.AddSingleton<ChampionChange>();
        services.AddSingleton<ChampionDecisions>();
        services.AddSingleton<ModelPromotions>();
        services.AddSingleton<CheckpointJanitor>();
        services.AddSingleton<KeptCheckpointStorage>();
        services.AddSingleton<TrialLeases>();
        services.AddSingleton<ExpiredLeases>();
        services.AddSingleton<WorkerStopReason>();
        services.AddSingleton<FencedTransaction>();
        services.AddSingleton<TrialFinalizer>();
        services.AddSingleton<TrialRunStarter>();
        services.AddSingleton<SweepOrchestrator>();
        services.AddSingleton<SweepSubmission>();
        services.AddSingleton<SweepQueries>();
        services.AddSingleton<ModelQueries>();
        services.AddSingleton(costs ?? CostSettings.Default);
        services.AddSingleton(webhooks ?? WebhookSettings.None);
        services.AddSingleton<CostLedger>();
        services.AddSingleton<SweepCosts>();
        services.AddSingleton<SweepBudgets>();
        services.AddSingleton<SweepTrialLimits>();
        services.AddSingleton<ConfigurationQueue>();
        services.AddSingleton<WarmStarts>();
        services.AddSingleton<CostGroups>();
        services.AddSingleton<PoolTypeChoice>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddTransient<TrialExecution>();
        services.AddTransient<TrialJob>();
        services.AddTransient<SweepOrchestrationJob>();
        return services;
    }
}
