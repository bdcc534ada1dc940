using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Trials;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>
/// Scales the local pool to zero when the scheduler stops (SIGTERM, Ctrl+C, `tuner run` finishing): the worker
/// processes it runs get SIGTERM (each checkpoints and hands its trial back), SIGKILL if still there after the grace
/// period, and their capacity records are closed. Without it they would outlive their scheduler as orphans.
/// </summary>
public sealed class LocalPoolShutdown(
    IDbContextFactory<TunerDbContext> contexts,
    LocalCapacityProvider provider,
    CapacityReconciler reconciler,
    CapacitySettings settings,
    TimeProvider clock,
    ILogger<LocalPoolShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        StopWorkersAsync("the scheduler stopped: local pool scaled to zero", provider.Options.StopGrace);

    /// <summary>SIGTERMs every local worker of this deployment, waits up to <paramref name="grace"/> for them to exit,
    /// SIGKILLs the rest, and records why they ended.</summary>
    public async Task StopWorkersAsync(string reason, TimeSpan grace)
    {
        var none = CancellationToken.None;
        var live = (await provider.ListAsync(settings.Deployment, none)).Select(i => i.InstanceId).ToList();
        if (live.Count == 0) return;
        logger.LogInformation("Stopping {Count} local workers: {Reason}", live.Count, reason);
        await RecordAsync(live, reason);
        foreach (var instanceId in live) await provider.TerminateAsync(instanceId, none);

        var started = clock.GetTimestamp();
        while ((await provider.ListAsync(settings.Deployment, none)).Count > 0 && clock.GetElapsedTime(started) < grace)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), clock);
        }

        foreach (var left in await provider.ListAsync(settings.Deployment, none))
        {
            logger.LogWarning("Local worker {InstanceId} still running {Grace} after SIGTERM: SIGKILL", left.InstanceId, grace);
            await provider.PreemptAsync(left.InstanceId, TimeSpan.Zero);
        }

        await CloseRecordsAsync();
    }

    /// <summary>Marks the workers' records Terminating with the reason; best effort, the processes stop either way.</summary>
    private async Task RecordAsync(List<string> instanceIds, string reason)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.CapacityInstances
                .Where(i => i.Provider == provider.Name && i.InstanceId != null && instanceIds.Contains(i.InstanceId) && i.State != CapacityInstanceState.Ended)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, CapacityInstanceState.Terminating)
                    .SetProperty(i => i.TerminateRequestedAt, clock.GetUtcNow())
                    .SetProperty(i => i.EndReason, i => i.EndReason ?? EndReasons.Fit(reason)));
        }
        catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex))
        {
            logger.LogWarning("Recording the local workers' stop failed ({Message}); stopping them anyway", ex.Message);
        }
    }

    private async Task CloseRecordsAsync()
    {
        try
        {
            await reconciler.ReconcileAsync(provider, CancellationToken.None);
        }
        catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex))
        {
            logger.LogWarning("Closing the local workers' records failed ({Message}); the next scheduler closes them", ex.Message);
        }
    }
}
