using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>Sweeps' trials counted by state in PostgreSQL (a row per sweep and state, not a row per trial), and made
/// into the <see cref="TrialCounts"/> the sweeps list and a sweep's summary show.</summary>
internal static class TrialCountsQuery
{
    public static async Task<ILookup<long, StateCount>> BySweepAsync(TunerDbContext db, IReadOnlyCollection<long> sweepIds, CancellationToken ct) =>
        (await db.Trials.AsNoTracking().Where(t => sweepIds.Contains(t.SweepId))
            .GroupBy(t => new { t.SweepId, t.Status })
            .Select(g => new StateCount(g.Key.SweepId, g.Key.Status, g.Count(), g.Sum(t => t.Preemptions), g.Sum(t => t.LostRuns)))
            .ToListAsync(ct))
        .ToLookup(c => c.SweepId);

    public static TrialCounts Of(IEnumerable<StateCount> byState)
    {
        var rows = byState.ToList();
        int Count(TrialStatus status) => rows.Where(c => c.Status == status).Sum(c => c.Trials);
        return new TrialCounts(
            Count(TrialStatus.Waiting), Count(TrialStatus.Running), Count(TrialStatus.Complete), Count(TrialStatus.Pruned),
            Count(TrialStatus.Failed), Count(TrialStatus.Cancelled), rows.Sum(c => c.Preemptions), rows.Sum(c => c.LostRuns));
    }
}

/// <summary>One sweep's trials in one state: how many, and their preemptions and lost runs.</summary>
internal sealed record StateCount(long SweepId, TrialStatus Status, int Trials, int Preemptions, int LostRuns);
