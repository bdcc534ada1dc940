using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Trials;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Workers;

/// <summary>Registers this worker process in PostgreSQL, heartbeats while it lives, and marks it stopped on a clean exit.</summary>
public sealed class WorkerPresence(
    IDbContextFactory<TunerDbContext> contexts, WorkerIdentity identity, TunerSettings settings, TimeProvider clock,
    ILogger<WorkerPresence> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            db.Workers.Add(new Worker
            {
                Id = identity.Id,
                Host = identity.Host,
                ProcessId = identity.ProcessId,
                InstanceId = identity.InstanceId,
                Queue = identity.Queue,
                State = WorkerState.Active,
                StartedAt = clock.GetUtcNow(),
                LastHeartbeatAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(stoppingToken);
        }

        logger.LogInformation("Worker {WorkerId} ready", identity.Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.HeartbeatInterval, clock, stoppingToken);
                await UpdateAsync(w => w.SetProperty(x => x.LastHeartbeatAt, clock.GetUtcNow()), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Worker heartbeat failed; retrying");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await UpdateAsync(w => w.SetProperty(x => x.State, WorkerState.Stopped)
            .SetProperty(x => x.StoppedAt, clock.GetUtcNow()).SetProperty(x => x.CurrentTrialId, (long?)null), CancellationToken.None);
    }

    private async Task UpdateAsync(
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Worker>> setters, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Workers.Where(w => w.Id == identity.Id).ExecuteUpdateAsync(setters, ct);
    }
}
