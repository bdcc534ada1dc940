using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;
using Tuner.Search;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>The sweep a page's query reads, with its plan (search space, objective).</summary>
internal sealed record PageSweep(Sweep Sweep, SweepPlan Plan)
{
    public long Id => Sweep.Id;

    public string Direction => ObjectiveDirections.Of(Sweep.Maximize);

    /// <summary>The sweep; null when there is no such sweep.</summary>
    public static async Task<PageSweep?> LoadAsync(TunerDbContext db, SweepPlans plans, long id, CancellationToken ct) =>
        await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } sweep
            ? new PageSweep(sweep, await plans.ForAsync(sweep, ct))
            : null;

    /// <summary>
    /// A bounded answer's items: all of <paramref name="items"/> when there are no more than <paramref name="most"/>;
    /// otherwise the <paramref name="best"/> best of those with a value (<see cref="ObjectiveOrder.BestFirst"/>) and an
    /// even sample of the rest, in number order.
    /// </summary>
    public List<T> BestAndSample<T>(List<T> items, int most, int best, Func<T, double?> value, Func<T, int> number)
    {
        if (items.Count <= most) return items;
        var chosen = items.Where(i => value(i) is not null).BestFirst(Plan.Direction, value, number).Take(best).ToHashSet();
        var rest = items.Where(i => !chosen.Contains(i)).ToList();
        return [.. chosen.Concat(EvenSample.Of(rest, most - chosen.Count)).OrderBy(number)];
    }

    /// <summary>Whether <paramref name="value"/> beats <paramref name="best"/> (<see cref="ObjectiveOrder.IsBetter"/>).</summary>
    public bool Beats(double value, double? best) => Plan.Direction.IsBetter(value, best);
}
