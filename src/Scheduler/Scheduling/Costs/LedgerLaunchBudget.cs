using Microsoft.EntityFrameworkCore;
using Tuner.Core.Capacity;
using Tuner.Persistence;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// Refuses a launch when every sweep asking for the pool has spent its budget.max_cost_usd (by the ledger), so nothing
/// new launches for a sweep at its limit even in the moments before <see cref="SweepBudgets"/> pauses it. A sweep
/// without a limit, or under it, lets the pool launch.
/// </summary>
public sealed class LedgerLaunchBudget(IDbContextFactory<TunerDbContext> contexts, SweepCosts costs) : ILaunchBudget
{
    public async Task<string?> WhyNotAsync(string pool, IReadOnlyList<long> sweepIds, CancellationToken ct)
    {
        if (sweepIds.Count == 0) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var limits = await db.Sweeps.Where(s => sweepIds.Contains(s.Id)).Select(s => new { s.Id, s.MaxCostUsd }).ToListAsync(ct);
        var spentOut = new List<string>();
        foreach (var sweep in limits)
        {
            if (sweep.MaxCostUsd is not { } max) return null;
            var spent = await costs.SpentAsync(db, sweep.Id, ct);
            if (spent < max) return null;
            spentOut.Add($"sweep {sweep.Id} spent {SweepBudgets.Usd(spent)} of {SweepBudgets.Usd(max)}");
        }

        return spentOut.Count == 0 ? null : $"every sweep waiting on pool {pool} has spent its budget ({string.Join("; ", spentOut)})";
    }
}
