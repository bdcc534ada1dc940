namespace Tuner.Core.Capacity;

/// <summary>
/// The autoscaler's hook for spending limits: asked before every launch. Tuner.Scheduling's <c>LedgerLaunchBudget</c>
/// implements it from each sweep's max_cost_usd and the cost ledger.
/// </summary>
public interface ILaunchBudget
{
    /// <summary>Null when the pool may launch one more machine for these sweeps, else why not.</summary>
    Task<string?> WhyNotAsync(string pool, IReadOnlyList<long> sweepIds, CancellationToken ct);
}
