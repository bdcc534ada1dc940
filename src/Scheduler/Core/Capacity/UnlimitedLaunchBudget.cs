namespace Tuner.Core.Capacity;

/// <summary>No spending limit yet: every launch is allowed.</summary>
public sealed class UnlimitedLaunchBudget : ILaunchBudget
{
    public Task<string?> WhyNotAsync(string pool, IReadOnlyList<long> sweepIds, CancellationToken ct) => Task.FromResult<string?>(null);
}
