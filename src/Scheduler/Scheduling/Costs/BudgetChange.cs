using Tuner.Core.Model;

namespace Tuner.Scheduling.Costs;

/// <summary>What setting a sweep's budget did.</summary>
/// <param name="State">The sweep's state afterwards.</param>
/// <param name="Changed">False when the sweep has finished (Completed, Cancelled or Cancelling) and its budget no longer matters.</param>
public sealed record BudgetChange(SweepState State, bool Changed, decimal SpentUsd);
