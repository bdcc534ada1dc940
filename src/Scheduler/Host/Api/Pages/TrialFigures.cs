using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>A trial with what the table and the export show beside its own columns, computed in SQL: its last reported
/// epoch, the ledger's dollars charged to it and whether it keeps a live checkpoint.</summary>
internal sealed class TrialFigures
{
    public long Id { get; init; }
    public int Number { get; init; }
    public TrialStatus Status { get; init; }
    public required string ParamsJson { get; init; }
    public double? Value { get; init; }
    public int Epochs { get; init; }
    public int? BestEpoch { get; init; }
    public int Preemptions { get; init; }
    public int LostRuns { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public decimal? CostUsd { get; init; }
    public bool Checkpoint { get; init; }

    /// <summary>The sweep's trials (one state only, when given) with their figures. The dollars are summed once per
    /// trial over the sweep's ledger lines and joined, not looked up trial by trial.</summary>
    public static IQueryable<TrialFigures> Of(TunerDbContext db, long sweepId, TrialStatus? state = null)
    {
        var trials = db.Trials.Where(t => t.SweepId == sweepId && (state == null || t.Status == state));
        var costs = db.CostEntries.Where(e => e.SweepId == sweepId && e.TrialId != null)
            .GroupBy(e => e.TrialId).Select(g => new { TrialId = g.Key, Usd = g.Sum(e => e.Usd) });
        return from t in trials
               join c in costs on (long?)t.Id equals c.TrialId into charged
               from c in charged.DefaultIfEmpty()
               select new TrialFigures
               {
                   Id = t.Id,
                   Number = t.Number,
                   Status = t.Status,
                   ParamsJson = t.ParamsJson,
                   Value = t.Value,
                   Epochs = db.TrialReports.Where(r => r.TrialId == t.Id).Max(r => (int?)r.Epoch) ?? 0,
                   BestEpoch = t.BestEpoch,
                   Preemptions = t.Preemptions,
                   LostRuns = t.LostRuns,
                   StartedAt = t.StartedAt,
                   FinishedAt = t.FinishedAt,
                   CostUsd = c == null ? null : c.Usd,
                   Checkpoint = db.Checkpoints.Any(k => k.TrialId == t.Id && k.State == CheckpointState.Live),
               };
    }
}
