using System.ComponentModel;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The body of PATCH /api/sweeps/{id}: what to change, one or both.</summary>
/// <param name="MaxCostUsd">The sweep's new spending limit in dollars (budget.max_cost_usd).</param>
/// <param name="MaxTrials">The sweep's new budget.max_trials, at least the trials it has.</param>
public sealed record SweepUpdate(
    [property: Description("The new spending limit in US dollars, above 0")] decimal? MaxCostUsd = null,
    [property: Description("The new budget.max_trials: at least the trials the sweep has; raising it on a Completed sweep continues it")] int? MaxTrials = null);
