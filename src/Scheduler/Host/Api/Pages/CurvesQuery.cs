using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/curves: the reported objective per epoch of up to maxTrials trials.</summary>
internal static class CurvesQuery
{
    public const int DefaultTrials = 200;
    public const int MostTrials = 1000;
    public const int DefaultPoints = 200;
    public const int MostPoints = 2000;

    private sealed record Candidate(long Id, int Number, TrialStatus Status, double? Value);

    public static async Task<SweepCurves> RunAsync(TunerDbContext db, PageSweep sweep, int maxTrials, int maxPoints, CancellationToken ct)
    {
        // A trial's value is the best value it reported, so the trials with a value are those with reports (found
        // without touching the reports, which a large sweep has millions of).
        var candidates = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweep.Id && t.Value != null)
            .OrderBy(t => t.Number)
            .Select(t => new Candidate(t.Id, t.Number, t.Status, t.Value))
            .ToListAsync(ct);
        // All of them when they fit; otherwise the best half by value and an even sample of the rest.
        var shown = sweep.BestAndSample(candidates, maxTrials, maxTrials / 2, c => c.Value, c => c.Number);
        var ids = shown.Select(t => t.Id).ToList();
        var reports = (await db.TrialReports.AsNoTracking().Where(r => ids.Contains(r.TrialId))
                .Select(r => new { r.TrialId, r.Epoch, r.Value }).ToListAsync(ct))
            .ToLookup(r => r.TrialId);
        var curves = shown.Select(t =>
        {
            var points = reports[t.Id].OrderBy(r => r.Epoch).Select(r => new[] { r.Epoch, r.Value }).ToList();
            int? prunedAt = t.Status == TrialStatus.Pruned && points.Count > 0 ? (int)points[^1][0] : null;
            return new TrialCurve(t.Id, t.Number, t.Status.ToString(), t.Value, prunedAt, CurveDownsampling.Lttb(points, maxPoints));
        }).ToList();
        return new SweepCurves(
            sweep.Sweep.Objective, candidates.Count, curves.Count,
            shown.Count < candidates.Count ? CurveSelections.BestAndSample : CurveSelections.All, curves);
    }
}
