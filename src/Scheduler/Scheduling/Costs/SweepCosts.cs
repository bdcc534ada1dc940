using Microsoft.EntityFrameworkCore;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// Reads a sweep's ledger lines, runs, trials and checkpoints as totals (grouped in PostgreSQL, one row per run or
/// trial at most) and computes its cost report with <see cref="CostReckoning"/>. What budgets check is
/// <see cref="SpentAsync"/>: the same ledger and storage figures, without the rest.
/// </summary>
public sealed class SweepCosts(IDbContextFactory<TunerDbContext> contexts, SweepPlans plans, CostSettings costs, TimeProvider clock)
{
    public async Task<SweepCost?> ReportAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, ct);
        if (sweep is null) return null;
        var plan = await plans.ForAsync(sweep, ct);
        var now = clock.GetUtcNow();
        var lines = db.CostEntries.Where(e => e.SweepId == sweepId);
        var perRun = await lines.Where(e => e.Kind == CostKind.Training)
            .GroupBy(e => e.TrialRunId)
            .Select(g => new { RunId = g.Key, Seconds = g.Sum(e => e.Seconds), Usd = g.Sum(e => e.Usd), OnDemand = g.Sum(e => e.OnDemandUsd), Unknown = g.Count(e => e.OnDemandUsd == null) })
            .ToDictionaryAsync(r => r.RunId ?? 0, ct);
        var runs = await db.TrialRuns.Where(r => db.Trials.Any(t => t.Id == r.TrialId && t.SweepId == sweepId))
            .Select(r => new
            {
                r.Id, r.TrialId, r.Outcome, r.StartedAt, r.EndedAt,
                KeptUntil = db.Checkpoints.Where(c => c.TrialId == r.TrialId && c.LeaseToken == r.LeaseToken).Max(c => (DateTimeOffset?)c.CreatedAt),
            })
            .ToListAsync(ct);
        var trials = await db.Trials.Where(t => t.SweepId == sweepId)
            .Select(t => new TrialFacts(t.Id, t.Number, t.Status, t.Reports.Max(r => (int?)r.Epoch) ?? 0))
            .ToListAsync(ct);
        var overheads = await lines.Where(e => e.Kind != CostKind.Training)
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Seconds = g.Sum(e => e.Seconds), Usd = g.Sum(e => e.Usd), OnDemand = g.Sum(e => e.OnDemandUsd), Unknown = g.Count(e => e.OnDemandUsd == null) })
            .ToListAsync(ct);
        var sources = await lines.Select(e => e.PriceSource).Distinct().OrderBy(s => s).ToListAsync(ct);
        var unset = await lines.AnyAsync(e => e.UsdPerHour == null, ct);
        var estimated = await lines.AnyAsync(e => e.Estimated, ct);
        var best = sweep.BestTrialId is { } bestId ? await db.Trials.Where(t => t.Id == bestId).Select(t => t.FinishedAt).SingleOrDefaultAsync(ct) : null;

        var inputs = new CostInputs(
            sweep.MaxTrials,
            plan.Definition.Workload.MaxEpochs,
            sweep.State is SweepState.Completed or SweepState.Cancelled,
            sweep.MaxCostUsd,
            [.. runs.Select(r => perRun.TryGetValue(r.Id, out var sum)
                ? new RunCost(r.Id, r.TrialId, r.Outcome, r.StartedAt, r.EndedAt, r.KeptUntil, sum.Seconds, sum.Usd, sum.Unknown > 0 ? null : sum.OnDemand)
                : new RunCost(r.Id, r.TrialId, r.Outcome, r.StartedAt, r.EndedAt, r.KeptUntil, 0, 0m, 0m))],
            trials,
            [.. overheads.Select(o => new OverheadCost(o.Kind, o.Seconds, o.Usd, o.Unknown > 0 ? null : o.OnDemand))],
            await StorageAsync(db, sweepId, now, ct),
            sweep.BestTrialId,
            best is { } at ? await UsdUntilAsync(db, sweepId, at, ct) : null,
            sources,
            unset,
            estimated)
        {
            SpotSeconds = await lines.Where(e => e.Market == Core.Capacity.CapacityMarket.Spot).SumAsync(e => e.Seconds, ct),
            ByInstanceType = await TypeMeasurements.ForAsync(db, [sweepId], ct),
        };
        return CostReckoning.Build(inputs);
    }

    /// <summary>What the sweep has spent: its ledger lines and its checkpoint storage so far.</summary>
    public async Task<decimal> SpentAsync(TunerDbContext db, long sweepId, CancellationToken ct) =>
        await db.CostEntries.Where(e => e.SweepId == sweepId).SumAsync(e => e.Usd, ct)
        + (await StorageAsync(db, sweepId, clock.GetUtcNow(), ct)).Usd;

    /// <summary>Checkpoint bytes × the time each was stored (to its deletion, or now), by storage class; priced by
    /// <see cref="StorageReckoning"/>.</summary>
    private async Task<StorageCost> StorageAsync(TunerDbContext db, long sweepId, DateTimeOffset now, CancellationToken ct)
    {
        var live = nameof(CheckpointState.Live);
        var standard = await db.Database.SqlQuery<StandardStorage>($"""
            SELECT coalesce(sum(c.size_bytes::float8 * s.seconds), 0)::float8 AS byte_seconds,
                   coalesce(sum(c.content_bytes::float8 * s.seconds), 0)::float8 AS content_byte_seconds,
                   coalesce(sum(c.size_bytes) FILTER (WHERE c.state = {live} AND c.storage_class IS NULL), 0)::bigint AS live_bytes,
                   coalesce(sum(c.content_bytes) FILTER (WHERE c.state = {live} AND c.storage_class IS NULL), 0)::bigint AS live_content_bytes
              FROM tuner.checkpoints c JOIN tuner.trials t ON t.id = c.trial_id
             CROSS JOIN LATERAL (SELECT greatest(0, extract(epoch FROM (coalesce(c.storage_class_since, c.deleted_at, {now}) - c.created_at)))::float8 AS seconds) s
             WHERE t.sweep_id = {sweepId}
            """).SingleAsync(ct);
        var moved = await db.Checkpoints.AsNoTracking()
            .Where(c => c.StorageClass != null && c.StorageClassSince != null && db.Trials.Any(t => t.Id == c.TrialId && t.SweepId == sweepId))
            .Select(c => new ClassStoredCheckpoint(c.StorageClass!, c.SizeBytes, c.ContentBytes, c.StorageClassSince!.Value, c.DeletedAt))
            .ToListAsync(ct);
        return StorageReckoning.Price(standard, moved, costs.StoragePriceOf, now);
    }

    /// <summary>The sweep's ledger up to <paramref name="until"/>, each line counted for the part of it before then.</summary>
    private static async Task<decimal> UsdUntilAsync(TunerDbContext db, long sweepId, DateTimeOffset until, CancellationToken ct) =>
        await db.Database.SqlQuery<decimal>($"""
            SELECT coalesce(sum(CASE WHEN ends_at <= {until} THEN usd
                                     WHEN starts_at >= {until} THEN 0
                                     ELSE usd * (extract(epoch FROM ({until} - starts_at)) / extract(epoch FROM (ends_at - starts_at)))::numeric END), 0)::numeric(18,6) AS "Value"
              FROM tuner.cost_entries WHERE sweep_id = {sweepId}
            """).SingleAsync(ct);
}
