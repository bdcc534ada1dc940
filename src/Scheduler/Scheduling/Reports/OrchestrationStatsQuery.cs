using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;

namespace Tuner.Scheduling.Reports;

/// <summary>Loads a sweep's ended runs with their training time for <see cref="OrchestrationStats"/>. A run's training
/// time is the seconds of the epochs it reported (a report names its trial and epoch; a run owns the epochs after the one
/// it resumed from, up to the epochs it trained).</summary>
public static class OrchestrationStatsQuery
{
    public static async Task<OrchestrationStats?> ForSweepAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        var runs = await db.TrialRuns.AsNoTracking()
            .Where(r => r.EndedAt != null && db.Trials.Any(t => t.Id == r.TrialId && t.SweepId == sweepId))
            .Select(r => new { r.TrialId, r.WorkerId, r.StartedAt, EndedAt = r.EndedAt!.Value, r.ResumedEpoch, r.EpochsTrained })
            .ToListAsync(ct);
        var seconds = (await db.TrialReports.AsNoTracking()
                .Where(p => db.Trials.Any(t => t.Id == p.TrialId && t.SweepId == sweepId))
                .Select(p => new { p.TrialId, p.Epoch, p.Seconds })
                .ToListAsync(ct))
            .ToDictionary(p => (p.TrialId, p.Epoch), p => p.Seconds);
        return OrchestrationStats.From(runs.Select(r => new RunSpan(
            r.WorkerId, r.StartedAt, r.EndedAt,
            Enumerable.Range(r.ResumedEpoch + 1, Math.Max(0, r.EpochsTrained)).Sum(e => seconds.GetValueOrDefault((r.TrialId, e))))).ToList());
    }
}
