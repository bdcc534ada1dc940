namespace Tuner.Core.Costs;

/// <summary>A sweep's cost report (<see cref="CostReckoning"/>). Dollars are USD, rounded to the cent in words and to the
/// micro-dollar here.</summary>
/// <param name="SpentUsd">Compute (every line of the ledger) plus checkpoint storage.</param>
/// <param name="Lines">Compute split by <see cref="CostCategories"/>; they add up to <paramref name="ComputeUsd"/>.</param>
/// <param name="SavedByPruningUsd">For each pruned trial, the epochs it did not run × its own cost per epoch.</param>
/// <param name="SavedBySpotUsd">What the same seconds cost on-demand minus what was paid; null when no on-demand price is known.</param>
/// <param name="SpotDiscount">1 − paid / on-demand over the seconds with both prices (SageMaker's managed-spot saving); null without them.</param>
/// <param name="UsdToBest">Spent until the best trial finished.</param>
/// <param name="ProjectedTotalUsd">Spent × max_trials / trials done (in-progress ones counted by the epochs they reached); null before any.</param>
/// <param name="BudgetUsed">Spent / max_cost_usd; null without a cost limit.</param>
public sealed record SweepCost(
    decimal SpentUsd,
    decimal ComputeUsd,
    double ComputeSeconds,
    IReadOnlyList<CostLine> Lines,
    StorageCost Storage,
    decimal SavedByPruningUsd,
    int EpochsNotRun,
    decimal? SavedBySpotUsd,
    double? SpotDiscount,
    double SpotSeconds,
    decimal? UsdToBest,
    decimal? ProjectedTotalUsd,
    decimal? ToFinishUsd,
    decimal? MaxCostUsd,
    double? BudgetUsed,
    IReadOnlyList<TrialCost> Trials,
    IReadOnlyList<string> PriceSources,
    bool PriceUnset,
    bool Estimated)
{
    /// <summary>Cost and seconds per epoch on each cloud machine type the sweep ran on.</summary>
    public IReadOnlyList<TypeMeasurement> ByInstanceType { get; init; } = [];
}

/// <summary>One line of the split: seconds charged and their dollars.</summary>
public sealed record CostLine(string Category, double Seconds, decimal Usd);

/// <summary>One trial: its runs' cost, the epochs it reached, and their cost per epoch (null before its first epoch).</summary>
public sealed record TrialCost(int Number, string Status, double Seconds, decimal Usd, int Epochs, decimal? UsdPerEpoch, int Runs);
