using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Trials;
using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Keeps the capacity records true to what each provider really runs, so no machine leaks and no trial waits on a
/// machine that is gone (see <see cref="ReconcileAsync"/>).
/// </summary>
public sealed class CapacityReconciler(
    IDbContextFactory<TunerDbContext> contexts,
    ExpiredLeases expiredLeases,
    CapacitySettings settings,
    TimeProvider clock,
    ILogger<CapacityReconciler> logger)
{
    /// <summary>
    /// Brings the rows of one provider in line with its list: adopts a launched instance whose record never learned its
    /// id, terminates instances nobody recorded (or that should be gone), repeats unfinished terminations, and closes
    /// rows of instances that are gone (preempted, exited) or whose launch was never confirmed.
    /// </summary>
    public async Task ReconcileAsync(ICapacityProvider provider, CancellationToken ct)
    {
        var listed = await provider.ListAsync(settings.Deployment, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.CapacityInstances.Where(i => i.Provider == provider.Name && i.State != CapacityInstanceState.Ended).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Expected: a terminate Tuner asked for (scale-down, the end of `tuner run`), logged as information;
        // anything else (an instance running without a record, or after its record ended) is a warning.
        var toTerminate = new List<(string InstanceId, string Why, bool Expected)>();
        var ended = new List<string>();
        foreach (var instance in listed)
        {
            var row = open.FirstOrDefault(i => i.InstanceId == instance.InstanceId)
                ?? open.FirstOrDefault(i => i.InstanceId is null && i.LaunchToken == instance.LaunchToken);
            if (row is null)
            {
                var known = await db.CapacityInstances.AnyAsync(i => i.Provider == provider.Name && (i.InstanceId == instance.InstanceId || i.LaunchToken == instance.LaunchToken), ct);
                var why = known ? "recorded as ended but still running" : "running without a record";
                toTerminate.Add((instance.InstanceId, why, false));
                if (!known) db.CapacityInstances.Add(Untracked(provider.Name, instance, why, now));
                continue;
            }

            row.LastSeenAt = now;
            if (row.InstanceId is null)
            {
                row.InstanceId = instance.InstanceId;
                row.InstanceType = instance.InstanceType;
                row.Zone = instance.Zone;
                // A row terminated before its id was known (scaled to zero mid-launch) stays Terminating: end the machine.
                if (row.State == CapacityInstanceState.Requested) row.State = CapacityInstanceState.Running;
                row.LaunchedAt ??= now;
                logger.LogInformation("Adopted {Provider} instance {InstanceId} by its launch token", provider.Name, instance.InstanceId);
            }

            if (instance.State == ProviderInstanceState.Stopped && row.State != CapacityInstanceState.Terminating)
            {
                // A stopped machine does no work but keeps its disk (and, on GCE, its name): workers power off when they
                // exit, and a spot VM may be stopped by preemption. Delete it.
                row.State = CapacityInstanceState.Terminating;
                row.TerminateRequestedAt ??= now;
                row.EndReason ??= "stopped: worker exited or the machine was preempted";
            }

            if (row.State == CapacityInstanceState.Terminating) toTerminate.Add((instance.InstanceId, row.EndReason ?? "terminating", true));
        }

        foreach (var row in open.Where(r => !listed.Any(l => l.InstanceId == r.InstanceId || (r.InstanceId is null && l.LaunchToken == r.LaunchToken))))
        {
            var gone = row.State switch
            {
                CapacityInstanceState.Running => "gone: preempted, exited or stopped outside Tuner",
                CapacityInstanceState.Terminating => row.EndReason ?? "terminated",
                _ when now - row.RequestedAt > settings.LaunchConfirmGrace => "launch never confirmed by the provider",
                _ => null,
            };
            if (gone is null) continue;
            row.State = CapacityInstanceState.Ended;
            row.EndReason ??= gone;
            row.EndedAt ??= now;
            if (row.InstanceId is not null) ended.Add(row.InstanceId);
        }

        await db.SaveChangesAsync(ct);
        foreach (var instanceId in ended)
        {
            await expiredLeases.RevokeForInstanceAsync(instanceId, ct);
        }

        foreach (var (instanceId, why, expected) in toTerminate)
        {
            logger.Log(expected ? LogLevel.Information : LogLevel.Warning, "Terminating {Provider} instance {InstanceId}: {Why}", provider.Name, instanceId, why);
            try
            {
                await provider.TerminateAsync(instanceId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Terminating {InstanceId} failed ({Message}); trying again next pass", instanceId, ex.Message);
            }
        }
    }

    private static CapacityInstance Untracked(string provider, ProviderInstance instance, string why, DateTimeOffset now) => new()
    {
        Provider = provider,
        Pool = "(untracked)",
        LaunchToken = instance.LaunchToken ?? Guid.NewGuid().ToString(),
        InstanceId = instance.InstanceId,
        InstanceType = instance.InstanceType,
        Zone = instance.Zone,
        Market = instance.Market,
        State = CapacityInstanceState.Terminating,
        RequestedAt = now,
        LastSeenAt = now,
        TerminateRequestedAt = now,
        EndReason = "untracked: " + why,
    };

}
