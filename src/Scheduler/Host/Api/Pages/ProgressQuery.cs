using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/progress: the complete trials by end time with the best value so far.</summary>
internal static class ProgressQuery
{
    public const int DefaultPoints = 1000;
    public const int MostPoints = 5000;

    public static async Task<SweepProgress> RunAsync(TunerDbContext db, PageSweep sweep, int maxPoints, CancellationToken ct)
    {
        var complete = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweep.Id && t.Status == TrialStatus.Complete && t.Value != null)
            .OrderBy(t => t.FinishedAt).ThenBy(t => t.Number)
            .Select(t => new { t.Number, t.Id, Value = t.Value!.Value, EndedAt = t.FinishedAt ?? t.CreatedAt })
            .ToListAsync(ct);
        var points = new List<ProgressPoint>(complete.Count);
        var changes = new List<int>();
        double? best = null;
        foreach (var trial in complete)
        {
            if (sweep.Beats(trial.Value, best))
            {
                best = trial.Value;
                changes.Add(points.Count);
            }

            points.Add(new ProgressPoint(trial.Number, trial.Id, trial.Value, trial.EndedAt, best!.Value));
        }

        var kept = Keep(points, changes, maxPoints);
        return new SweepProgress(sweep.Direction, sweep.Sweep.Objective, complete.Count, kept.Count < points.Count, kept);
    }

    /// <summary>Every point where the best so far changes and an even sample of the rest, at most
    /// <paramref name="maxPoints"/> in all, in their order (only when the changes alone are more than that are they
    /// sampled too).</summary>
    internal static List<ProgressPoint> Keep(List<ProgressPoint> points, List<int> changes, int maxPoints)
    {
        if (points.Count <= maxPoints) return points;
        if (changes.Count >= maxPoints) return [.. EvenSample.Of(changes, maxPoints).Select(i => points[i])];
        var changed = changes.ToHashSet();
        var rest = Enumerable.Range(0, points.Count).Where(i => !changed.Contains(i)).ToList();
        return [.. changes.Concat(EvenSample.Of(rest, maxPoints - changes.Count)).Order().Select(i => points[i])];
    }
}
