using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>
/// What a sweep cost and what it saved, in US dollars: the ledger's compute split by outcome (the lines add up to
/// <paramref name="ComputeUsd"/>), checkpoint storage, savings from pruning and spot capacity, the cost to reach the best
/// trial, a projection to finish, the budget, and each trial's cost per epoch.
/// </summary>
/// <param name="PriceSources">Where the prices came from (catalogue, EC2 spot price, a setting), or why none is known.</param>
/// <param name="PriceUnset">Some of the time has no price (e.g. TUNER_COST__LOCAL_HOURLY_USD unset): it is counted at $0.</param>
/// <param name="Estimated">Some machine vanished and is charged to its last sign of life.</param>
public sealed record SweepCostReport(
    long SweepId,
    string Name,
    [property: OpenApiEnum(typeof(SweepState))] string State,
    decimal SpentUsd,
    decimal ComputeUsd,
    double ComputeSeconds,
    IReadOnlyList<CostLineView> Lines,
    StorageCost Storage,
    PruningSavings SavedByPruning,
    SpotSavings SavedBySpot,
    decimal? UsdToBestTrial,
    int? BestTrialNumber,
    decimal? ProjectedTotalUsd,
    decimal? ToFinishUsd,
    decimal? MaxCostUsd,
    double? BudgetUsed,
    IReadOnlyList<string> PriceSources,
    bool PriceUnset,
    bool Estimated,
    IReadOnlyList<TrialCost> Trials,
    IReadOnlyList<InstanceTypeCost> InstanceTypes);

/// <summary>What the sweep's runs trained on one cloud machine type: epochs, seconds and dollars per epoch (what
/// right-sizing orders a pool's types by).</summary>
public sealed record InstanceTypeCost(string InstanceType, int Epochs, double SecondsPerEpoch, decimal UsdPerEpoch);

/// <summary>One line of the split: seconds charged (a machine shared by two runs charges each half its time) and dollars.</summary>
public sealed record CostLineView([property: OpenApiEnum(typeof(CostCategories))] string Category, double Seconds, decimal Usd);

/// <summary>For each pruned trial, the epochs it did not run × its own measured cost per epoch.</summary>
public sealed record PruningSavings(decimal Usd, int EpochsNotRun);

/// <summary>On-demand price minus what was paid, over the same seconds; <paramref name="Discount"/> is 1 − paid / on-demand.
/// Null where no on-demand price is known. <paramref name="SpotSeconds"/>: the seconds charged on spot capacity.</summary>
public sealed record SpotSavings(decimal? Usd, double? Discount, double SpotSeconds);
