using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>The sweep a page's query reads, with its plan (search space, objective).</summary>
internal sealed record PageSweep(Sweep Sweep, SweepPlan Plan)
{
    public long Id => Sweep.Id;

    public string Direction => Sweep.Maximize ? ObjectiveDirections.Maximize : ObjectiveDirections.Minimize;

    /// <summary>The sweep; null when there is no such sweep.</summary>
    public static async Task<PageSweep?> LoadAsync(TunerDbContext db, SweepPlans plans, long id, CancellationToken ct) =>
        await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } sweep
            ? new PageSweep(sweep, await plans.ForAsync(sweep, ct))
            : null;

    /// <summary>Values best first by the sweep's direction.</summary>
    public IOrderedEnumerable<T> BestFirst<T>(IEnumerable<T> items, Func<T, double> value) =>
        Sweep.Maximize ? items.OrderByDescending(value) : items.OrderBy(value);

    /// <summary>Whether <paramref name="value"/> beats <paramref name="best"/> (any value beats none).</summary>
    public bool Beats(double value, double? best) => best is not { } b || (Sweep.Maximize ? value > b : value < b);
}
