using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/timeline: the sweep's trial runs by worker, the most recent maxRuns by start.</summary>
internal static class TimelineQuery
{
    public const int DefaultRuns = 2000;
    public const int MostRuns = 10000;

    public static async Task<SweepTimeline> RunAsync(TunerDbContext db, PageSweep sweep, int maxRuns, DateTimeOffset now, CancellationToken ct)
    {
        var runs = db.TrialRuns.AsNoTracking()
            .Join(db.Trials.Where(t => t.SweepId == sweep.Id), r => r.TrialId, t => t.Id, (r, t) => new { Run = r, t.Number });
        var count = await runs.CountAsync(ct);
        var shown = await runs.OrderByDescending(x => x.Run.StartedAt).ThenByDescending(x => x.Run.Id).Take(maxRuns)
            .Select(x => new
            {
                x.Run.Id, x.Run.WorkerId,
                Run = new TimelineRun(x.Run.TrialId, x.Number, x.Run.StartedAt, x.Run.EndedAt, x.Run.Outcome.ToString(), x.Run.ResumedEpoch, x.Run.EndReason),
            })
            .ToListAsync(ct);
        var workers = shown.GroupBy(r => r.WorkerId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WorkerTimeline(g.Key, [.. g.OrderBy(r => r.Run.StartedAt).ThenBy(r => r.Id).Select(r => r.Run)]))
            .ToList();
        var from = shown.Count > 0 ? shown.Min(r => r.Run.StartedAt) : sweep.Sweep.CreatedAt;
        var to = shown.Count > 0 ? shown.Max(r => r.Run.EndedAt ?? now) : sweep.Sweep.FinishedAt ?? now;
        return new SweepTimeline(from, to, count, shown.Count, workers);
    }
}
