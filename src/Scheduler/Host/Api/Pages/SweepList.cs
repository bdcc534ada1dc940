using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>A page of GET /api/sweeps in two queries, whatever its size: the sweeps with their best value, dollars spent
/// and schedule (correlated subqueries on indexed columns), then every sweep's trial counts grouped by state.</summary>
internal static class SweepList
{
    /// <summary>At most <paramref name="take"/> sweeps newest first, after the sweep id <paramref name="after"/>.</summary>
    public static async Task<List<SweepSummary>> ReadAsync(TunerDbContext db, SweepFilter filter, long? after, int take, CancellationToken ct)
    {
        await using var transaction = await PageTransactions.BeginAsync(db, ct);
        var sweeps = await filter.Apply(db.Sweeps.AsNoTracking()).Where(s => after == null || s.Id < after)
            .OrderByDescending(s => s.Id).Take(take)
            .Select(s => new
            {
                Sweep = s,
                BestValue = db.Trials.Where(t => t.Id == s.BestTrialId).Select(t => t.Value).FirstOrDefault(),
                SpentUsd = db.CostEntries.Where(e => e.SweepId == s.Id).Sum(e => (decimal?)e.Usd) ?? 0,
                Schedule = db.ScheduleRuns.Where(r => r.SweepId == s.Id)
                    .Join(db.Schedules, r => r.ScheduleId, x => x.Id, (r, x) => x.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = sweeps.Select(s => s.Sweep.Id).ToList();
        var counts = await TrialCountsQuery.BySweepAsync(db, ids, ct);
        return [.. sweeps.Select(x =>
        {
            var s = x.Sweep;
            return new SweepSummary(
                s.Id, s.Name, s.State.ToString(), s.Objective, ObjectiveDirections.Of(s.Maximize),
                s.CreatedAt, s.FinishedAt, s.MaxTrials, s.Parallelism, x.BestValue, TrialCountsQuery.Of(counts[s.Id]), x.SpentUsd, s.MaxCostUsd,
                x.Schedule, Labels(s.LabelsJson));
        })];
    }

    private static Dictionary<string, string> Labels(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
