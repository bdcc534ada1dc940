using System.ComponentModel;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The body of PATCH /api/sweeps/{id}: what to change.</summary>
/// <param name="MaxCostUsd">The sweep's new spending limit in dollars (budget.max_cost_usd).</param>
public sealed record BudgetUpdate([property: Description("The new spending limit in US dollars, above 0")] decimal? MaxCostUsd);
