namespace Tuner.Core.Definitions;

/// <summary>A sweep's spending limit (<c>budget.max_cost_usd</c>) and what happens on the way to it.</summary>
/// <param name="MaxUsd">Dollars the sweep may spend; at 100 % no new trial starts and no machine launches for it.</param>
/// <param name="AlertPercents">Percentages of <paramref name="MaxUsd"/> at which an alert goes out, once each, on spent
/// and on forecast spend, ascending.</param>
/// <param name="WhenSpent">What running trials do at 100 %.</param>
public sealed record CostLimit(decimal MaxUsd, IReadOnlyList<int> AlertPercents, WhenSpent WhenSpent)
{
    public static readonly IReadOnlyList<int> DefaultAlertPercents = [50, 80, 100];

    /// <summary>The most a sweep may be given to spend: ten million dollars, which no typo should reach unnoticed.</summary>
    public const decimal MostUsd = 10_000_000m;
}
