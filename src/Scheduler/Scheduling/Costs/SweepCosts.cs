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
        var sweep = await ReadAsync(db => db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, ct), ct);
        if (sweep is null) return null;
        var plan = await plans.ForAsync(sweep, ct);
        var now = clock.GetUtcNow();
        // The report's reads do not depend on each other, so each runs on a connection of its own, all at once. One
        // after another, a 50,000-trial sweep's report was a chain of 15 round trips, each queued behind the other
        // reads of the page that asked for it (docs/benchmarks.md, "Pages at 50,000 trials").
        var runs = ReadAsync(db => RunsAsync(db, sweepId, ct), ct);
        var trials = ReadAsync(db => db.Trials.Where(t => t.SweepId == sweepId)
            .Select(t => new TrialFacts(t.Id, t.Number, t.Status, t.LastEpoch))
            .ToListAsync(ct), ct);
        var ledger = ReadAsync(db => LedgerAsync(db, sweepId, ct), ct);
        var storage = ReadAsync(db => StorageAsync(db, sweepId, now, ct), ct);
        var toBest = ReadAsync(db => UsdToBestAsync(db, sweep, ct), ct);
        var types = ReadAsync(db => TypeMeasurements.ForAsync(db, [sweepId], ct), ct);
        await Task.WhenAll(runs, trials, ledger, storage, toBest, types);
        var lines = await ledger;

        var inputs = new CostInputs(
            sweep.MaxTrials,
            plan.Definition.Workload.MaxEpochs,
            sweep.State is SweepState.Completed or SweepState.Cancelled,
            sweep.MaxCostUsd,
            await runs,
            await trials,
            lines.Overheads,
            await storage,
            sweep.BestTrialId,
            await toBest,
            lines.Sources,
            lines.AnyPriceUnset,
            lines.AnyEstimated)
        {
            SpotSeconds = lines.SpotSeconds,
            ByInstanceType = await types,
        };
        return CostReckoning.Build(inputs);
    }

    private async Task<T> ReadAsync<T>(Func<TunerDbContext, Task<T>> read, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await read(db);
    }

    /// <summary>Each run of the sweep with its ledger lines' totals, in one read. Where its work was kept until
    /// matters only for a run cut short (<see cref="CostReckoning.LostFraction"/>), so only those look it up.</summary>
    private static Task<List<RunCost>> RunsAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        var perRun = db.CostEntries.Where(e => e.SweepId == sweepId && e.Kind == CostKind.Training)
            .GroupBy(e => e.TrialRunId)
            .Select(g => new { RunId = g.Key, Seconds = g.Sum(e => e.Seconds), Usd = g.Sum(e => e.Usd), OnDemand = g.Sum(e => e.OnDemandUsd), Unknown = g.Count(e => e.OnDemandUsd == null) });
        return (
                from r in db.TrialRuns.Where(r => db.Trials.Any(t => t.Id == r.TrialId && t.SweepId == sweepId))
                join l in perRun on (long?)r.Id equals l.RunId into charged
                from l in charged.DefaultIfEmpty()
                select new RunCost(
                    r.Id, r.TrialId, r.Outcome, r.StartedAt, r.EndedAt,
                    r.Outcome == TrialRunOutcome.Preempted || r.Outcome == TrialRunOutcome.Lost
                        ? db.Checkpoints.Where(c => c.TrialId == r.TrialId && c.LeaseToken == r.LeaseToken).Max(c => (DateTimeOffset?)c.CreatedAt)
                        : null,
                    (double?)l!.Seconds ?? 0,
                    (decimal?)l.Usd ?? 0m,
                    (int?)l.Unknown > 0 ? null : (decimal?)l.OnDemand ?? 0m))
            .ToListAsync(ct);
    }

    private sealed record LedgerFacts(
        List<OverheadCost> Overheads, List<string> Sources, bool AnyPriceUnset, bool AnyEstimated, double SpotSeconds);

    /// <summary>The ledger's lines that are not a run's training, by kind, and what the report says of all of them.</summary>
    private static async Task<LedgerFacts> LedgerAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        var lines = db.CostEntries.Where(e => e.SweepId == sweepId);
        var overheads = await lines.Where(e => e.Kind != CostKind.Training)
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Seconds = g.Sum(e => e.Seconds), Usd = g.Sum(e => e.Usd), OnDemand = g.Sum(e => e.OnDemandUsd), Unknown = g.Count(e => e.OnDemandUsd == null) })
            .ToListAsync(ct);
        return new LedgerFacts(
            [.. overheads.Select(o => new OverheadCost(o.Kind, o.Seconds, o.Usd, o.Unknown > 0 ? null : o.OnDemand))],
            await lines.Select(e => e.PriceSource).Distinct().OrderBy(s => s).ToListAsync(ct),
            await lines.AnyAsync(e => e.UsdPerHour == null, ct),
            await lines.AnyAsync(e => e.Estimated, ct),
            await lines.Where(e => e.Market == Core.Capacity.CapacityMarket.Spot).SumAsync(e => e.Seconds, ct));
    }

    /// <summary>What the sweep spent until its best trial finished; null while it has none.</summary>
    private static async Task<decimal?> UsdToBestAsync(TunerDbContext db, Sweep sweep, CancellationToken ct)
    {
        if (sweep.BestTrialId is not { } bestId) return null;
        var finished = await db.Trials.Where(t => t.Id == bestId).Select(t => t.FinishedAt).SingleOrDefaultAsync(ct);
        return finished is { } at ? await UsdUntilAsync(db, sweep.Id, at, ct) : null;
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
