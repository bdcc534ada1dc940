using Tuner.Core.Definitions;

namespace Tuner.Core.Trials;

/// <summary>The budget's limits on a trial's counters: at its limit a counter turns a hand-back into a failure.</summary>
public sealed record TrialLimits(int MaxAttempts, int MaxLostRuns)
{
    /// <summary>The limits a sweep's budget sets.</summary>
    public static TrialLimits Of(BudgetSection budget) => new(budget.MaxAttempts, budget.MaxLostRuns);

    /// <summary>The limit on <paramref name="counter"/>; null when it has none.</summary>
    public int? For(TrialCounter counter) => counter switch
    {
        TrialCounter.Attempts => MaxAttempts,
        TrialCounter.LostRuns => MaxLostRuns,
        _ => null,
    };
}
