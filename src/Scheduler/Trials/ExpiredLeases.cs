using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Queueing;

namespace Tuner.Scheduler.Trials;

/// <summary>
/// Requeues trials whose worker is gone, to resume elsewhere from their last checkpoint: leases that expired (the worker
/// stopped heartbeating), or leases held by workers on a machine the provider says no longer exists.
/// </summary>
public sealed class ExpiredLeases(IDbContextFactory<TunerDbContext> contexts, JobQueue queue, TimeProvider clock, ILogger<ExpiredLeases> logger)
{
    /// <summary>Ends the leases of every worker that ran on the instance at once (it cannot heartbeat any more), and requeues.</summary>
    public async Task RevokeForInstanceAsync(string instanceId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE tuner.trials SET lease_expires_at = now() - interval '1 millisecond'
                 WHERE status = 'Running'
                   AND lease_owner IN (SELECT id FROM tuner.workers WHERE instance_id = {instanceId})
                """, ct);
        }

        await RequeueAsync(ct);
    }

    public async Task RequeueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expired = await db.Database.SqlQuery<long>($"""
            UPDATE tuner.trials
               SET status = 'Waiting', preemptions = preemptions + 1, lease_owner = NULL, lease_expires_at = NULL
             WHERE status = 'Running' AND lease_expires_at < now()
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (expired.Count == 0)
        {
            return;
        }

        await db.TrialRuns.Where(r => expired.Contains(r.TrialId) && r.Outcome == TrialRunOutcome.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, TrialRunOutcome.Lost)
                .SetProperty(r => r.EndedAt, clock.GetUtcNow()), ct);
        foreach (var trialId in expired)
        {
            logger.LogWarning("Trial {TrialId}: its worker is gone; requeued to resume from its last checkpoint", trialId);
            await queue.EnqueueTrialAsync(trialId, ct);
        }
    }
}
