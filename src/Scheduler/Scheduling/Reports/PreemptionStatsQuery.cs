using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;

namespace Tuner.Scheduling.Reports;

/// <summary>
/// Computes <see cref="PreemptionStats"/> from what PostgreSQL holds: trial runs, epoch reports (each with its training
/// seconds), checkpoint times and, for workers on Tuner-launched machines, when their machine was preempted. A run that
/// ended on a notice loses nothing (its checkpoint holds the partial epoch); a killed run loses the time from its last
/// checkpoint (or its start) to the kill, converted to epochs at the trial's mean seconds per epoch.
/// </summary>
public static class PreemptionStatsQuery
{
    public static async Task<PreemptionStats> ForSweepAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        var trialIds = await db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId).Select(t => t.Id).ToListAsync(ct);
        var runs = await db.TrialRuns.AsNoTracking().Where(r => trialIds.Contains(r.TrialId)).OrderBy(r => r.StartedAt).ToListAsync(ct);
        var reports = await db.TrialReports.AsNoTracking().Where(r => trialIds.Contains(r.TrialId))
            .Select(r => new { r.TrialId, r.Seconds }).ToListAsync(ct);
        var workerIds = runs.Select(r => r.WorkerId).Distinct().ToList();
        var machines = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id) && w.InstanceId != null)
            .Join(db.CapacityInstances.AsNoTracking(), w => w.InstanceId, i => i.InstanceId,
                (w, i) => new { WorkerId = w.Id, i.TerminateRequestedAt, i.EndedAt, i.EndReason })
            .ToListAsync(ct);
        var checkpointTimes = await db.Checkpoints.AsNoTracking().Where(c => trialIds.Contains(c.TrialId))
            .Select(c => new { c.TrialId, c.LeaseToken, c.CreatedAt }).ToListAsync(ct);
        var preemptedAt = machines.Where(m => m.EndReason != null && m.EndReason.StartsWith("preempted", StringComparison.Ordinal))
            .GroupBy(m => m.WorkerId).ToDictionary(g => g.Key, g => g.First());

        double useful = 0, lost = 0;
        var recoveries = new List<double>();
        foreach (var trialRuns in runs.GroupBy(r => r.TrialId))
        {
            var epochSeconds = reports.Where(r => r.TrialId == trialRuns.Key).Select(r => r.Seconds).ToList();
            if (epochSeconds.Count == 0) continue;
            var perEpoch = epochSeconds.Average();
            useful += epochSeconds.Count;
            var ordered = trialRuns.ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var run = ordered[i];
                preemptedAt.TryGetValue(run.WorkerId, out var machine);
                var end = run.Outcome == TrialRunOutcome.Lost && machine?.EndedAt is { } killed ? killed : run.EndedAt;
                if (run.Outcome == TrialRunOutcome.Lost && end is { } e)
                {
                    // Killed without notice: everything after the run's last checkpoint is computed again.
                    var saved = checkpointTimes.Where(c => c.TrialId == run.TrialId && c.LeaseToken == run.LeaseToken && c.CreatedAt <= e)
                        .Select(c => (DateTimeOffset?)c.CreatedAt).Max() ?? run.StartedAt;
                    lost += Math.Max(0, (e - saved).TotalSeconds) / perEpoch;
                }

                if (run.Outcome is not (TrialRunOutcome.Preempted or TrialRunOutcome.Lost) || i + 1 >= ordered.Count) continue;
                var preemption = machine?.TerminateRequestedAt ?? end ?? run.StartedAt;
                var next = ordered[i + 1];
                recoveries.Add(((next.FirstBatchAt ?? next.StartedAt) - preemption).TotalSeconds);
            }
        }

        return new PreemptionStats(
            runs.Select(r => r.TrialId).Distinct().Count(),
            runs.Count,
            runs.Count(r => r.Outcome == TrialRunOutcome.Preempted),
            runs.Count(r => r.Outcome == TrialRunOutcome.Lost),
            recoveries,
            useful,
            useful + lost);
    }
}
