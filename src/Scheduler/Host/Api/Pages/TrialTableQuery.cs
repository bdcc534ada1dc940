using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/trials/table: a page of trials sorted in SQL (values and dollars nulls last, ties by
/// number). The sort reads only the trials' ids and the sort key (the dollars are joined only to sort by them); the
/// page's own figures are read for its trials alone.</summary>
internal static class TrialTableQuery
{
    public const int DefaultRows = 50;
    public const int MostRows = 200;

    public static async Task<TrialTable> RunAsync(
        TunerDbContext db, PageSweep sweep, string sort, bool descending, TrialStatus? state, int offset, int limit, CancellationToken ct)
    {
        var trials = db.Trials.AsNoTracking().Where(t => t.SweepId == sweep.Id && (state == null || t.Status == state));
        var total = await trials.CountAsync(ct);
        var ids = await Ids(db, sweep.Id, trials, sort, descending).Skip(offset).Take(limit).ToListAsync(ct);
        var figures = await TrialFigures.Of(db, db.Trials.Where(t => ids.Contains(t.Id))).ToDictionaryAsync(t => t.Id, ct);
        var costs = await TrialFigures.CostsAsync(db, sweep.Id, ids, ct);
        return new TrialTable(total, offset, [.. ids.Select(id => figures[id]).Select(t => new TrialTableRow(
            t.Id, t.Number, t.Status.ToString(), ParamsJson.Deserialize(t.ParamsJson, sweep.Plan.Space), t.Value, t.Epochs, t.BestEpoch,
            t.Preemptions, costs.TryGetValue(t.Id, out var usd) ? usd : null, t.Checkpoint))]);
    }

    private sealed class Keyed<TKey>
    {
        public long Id { get; init; }
        public int Number { get; init; }
        public TKey Key { get; init; } = default!;
    }

    private static IQueryable<long> Ids(TunerDbContext db, long sweepId, IQueryable<Trial> trials, string sort, bool descending) => sort switch
    {
        TrialTableSorts.Value => NullsLast(trials.Select(t => new Keyed<double?> { Id = t.Id, Number = t.Number, Key = t.Value }), descending),
        TrialTableSorts.CostUsd => NullsLast(
            from t in trials
            join c in TrialFigures.Costs(db, sweepId) on t.Id equals c.TrialId into charged
            from c in charged.DefaultIfEmpty()
            select new Keyed<decimal?> { Id = t.Id, Number = t.Number, Key = c == null ? null : c.Usd },
            descending),
        TrialTableSorts.Epochs => By(trials.Select(t => new Keyed<int>
        {
            Id = t.Id, Number = t.Number, Key = t.LastEpoch,
        }), descending),
        TrialTableSorts.State => By(trials.Select(t => new Keyed<TrialStatus> { Id = t.Id, Number = t.Number, Key = t.Status }), descending),
        TrialTableSorts.Preemptions => By(trials.Select(t => new Keyed<int> { Id = t.Id, Number = t.Number, Key = t.Preemptions }), descending),
        _ => By(trials.Select(t => new Keyed<int> { Id = t.Id, Number = t.Number, Key = t.Number }), descending),
    };

    private static IQueryable<long> By<TKey>(IQueryable<Keyed<TKey>> rows, bool descending) =>
        (descending ? rows.OrderByDescending(r => r.Key) : rows.OrderBy(r => r.Key)).ThenBy(r => r.Number).Select(r => r.Id);

    // PostgreSQL puts nulls first in a descending order; sorting on "is null" first keeps them last both ways.
    private static IQueryable<long> NullsLast<TKey>(IQueryable<Keyed<TKey?>> rows, bool descending)
        where TKey : struct
    {
        var nullsLast = rows.OrderBy(r => r.Key == null);
        return (descending ? nullsLast.ThenByDescending(r => r.Key) : nullsLast.ThenBy(r => r.Key)).ThenBy(r => r.Number).Select(r => r.Id);
    }
}
