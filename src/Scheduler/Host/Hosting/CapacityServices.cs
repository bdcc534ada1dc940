using Tuner.Scheduler.Hosting.Settings;
using Tuner.Scheduling.Capacity.Local;
using Tuner.Scheduling.Capacity;
using Tuner.Core.Capacity;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Workers;

namespace Tuner.Scheduler.Hosting;

/// <summary>The scheduler's capacity side: providers, the launch registry, the autoscaler and the local spot market.</summary>
public static class CapacityServices
{
    public static IServiceCollection AddTunerCapacity(this IServiceCollection services, TunerSettings settings, CapacitySettings capacity, CloudSettings clouds)
    {
        services.AddSingleton(capacity);
        services.AddSingleton(new LocalCapacityOptions(
            Path.Combine(settings.Home, "capacity", "local"), Path.Combine(settings.Home, "logs"), capacity.LocalMaxWorkers, WorkerShutdown.Grace + TimeSpan.FromSeconds(5)));
        services.AddSingleton<LocalCapacityProvider>();
        services.AddSingleton(s =>
        {
            var (providers, notConfigured) = CloudProviders.Create(clouds, s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILoggerFactory>());
            return new CapacityProviders([s.GetRequiredService<LocalCapacityProvider>(), .. providers], notConfigured);
        });
        services.AddSingleton<WorkerScripts>();
        services.AddSingleton<CapacityRegistry>();
        services.AddSingleton<CapacityReconciler>();
        services.AddSingleton<CapacityAvailability>();
        services.AddSingleton<ILaunchBudget, Tuner.Scheduling.Costs.LedgerLaunchBudget>();
        services.AddSingleton<AutoscalerLeadership>();
        services.AddSingleton(new LocalSpotMarketRandom(capacity.SpotMarketSeed ?? Random.Shared.Next()));
        // Hosted services stop in reverse order: the autoscaler and the spot market stop before the local pool is emptied.
        services.AddSingleton<LocalPoolShutdown>();
        services.AddHostedService(s => s.GetRequiredService<LocalPoolShutdown>());
        services.AddHostedService<Autoscaler>();
        services.AddHostedService<LocalSpotMarket>();
        return services;
    }
}
