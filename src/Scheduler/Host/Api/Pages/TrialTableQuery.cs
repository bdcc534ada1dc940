using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/trials/table: a page of trials sorted in SQL (values and dollars nulls last, ties by
/// number).</summary>
internal static class TrialTableQuery
{
    public const int DefaultRows = 50;
    public const int MostRows = 200;

    public static async Task<TrialTable> RunAsync(
        TunerDbContext db, PageSweep sweep, string sort, bool descending, TrialStatus? state, int offset, int limit, CancellationToken ct)
    {
        var trials = TrialFigures.Of(db, sweep.Id, state).AsNoTracking();
        var total = await db.Trials.CountAsync(t => t.SweepId == sweep.Id && (state == null || t.Status == state), ct);
        var page = await Sorted(trials, sort, descending).Skip(offset).Take(limit).ToListAsync(ct);
        return new TrialTable(total, offset, [.. page.Select(t => new TrialTableRow(
            t.Id, t.Number, t.Status.ToString(), ParamsJson.Deserialize(t.ParamsJson, sweep.Plan.Space), t.Value, t.Epochs, t.BestEpoch,
            t.Preemptions, t.CostUsd, t.Checkpoint))]);
    }

    private static IOrderedQueryable<TrialFigures> Sorted(IQueryable<TrialFigures> trials, string sort, bool descending)
    {
        var ordered = sort switch
        {
            TrialTableSorts.Value => NullsLast(trials, t => t.Value, descending),
            TrialTableSorts.CostUsd => NullsLast(trials, t => t.CostUsd, descending),
            TrialTableSorts.State => By(trials, t => t.Status, descending),
            TrialTableSorts.Epochs => By(trials, t => t.Epochs, descending),
            TrialTableSorts.Preemptions => By(trials, t => t.Preemptions, descending),
            _ => By(trials, t => t.Number, descending),
        };
        return ordered.ThenBy(t => t.Number);
    }

    private static IOrderedQueryable<TrialFigures> By<TKey>(
        IQueryable<TrialFigures> trials, System.Linq.Expressions.Expression<Func<TrialFigures, TKey>> key, bool descending) =>
        descending ? trials.OrderByDescending(key) : trials.OrderBy(key);

    private static IOrderedQueryable<TrialFigures> NullsLast<TKey>(
        IQueryable<TrialFigures> trials, System.Linq.Expressions.Expression<Func<TrialFigures, TKey?>> key, bool descending)
        where TKey : struct
    {
        // PostgreSQL puts nulls first in a descending order; sorting on "is null" first keeps them last both ways.
        var isNull = System.Linq.Expressions.Expression.Lambda<Func<TrialFigures, bool>>(
            System.Linq.Expressions.Expression.Equal(key.Body, System.Linq.Expressions.Expression.Constant(null, typeof(TKey?))), key.Parameters);
        var nullsLast = trials.OrderBy(isNull);
        return descending ? nullsLast.ThenByDescending(key) : nullsLast.ThenBy(key);
    }
}
