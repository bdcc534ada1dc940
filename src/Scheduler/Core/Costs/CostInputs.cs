using Tuner.Core.Model;

namespace Tuner.Core.Costs;

/// <summary>A run's ledger total: its shares of the machine it ran on.</summary>
/// <param name="KeptUntil">The last checkpoint the run wrote (null: none), up to which its work was kept when it was cut short.</param>
public sealed record RunCost(
    long RunId, long TrialId, TrialRunOutcome Outcome, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? KeptUntil,
    double Seconds, decimal Usd, decimal? OnDemandUsd);

/// <summary>What the report needs of a trial: its state and the epochs it reported.</summary>
public sealed record TrialFacts(long TrialId, int Number, TrialStatus Status, int Epochs);

/// <summary>A sweep's ledger total of one kind of time that belongs to no run (start-up, idle).</summary>
public sealed record OverheadCost(CostKind Kind, double Seconds, decimal Usd, decimal? OnDemandUsd);

/// <summary>Everything a sweep's cost report is computed from.</summary>
/// <param name="Finished">The sweep is Completed or Cancelled: nothing more will be spent.</param>
/// <param name="UsdToBest">The ledger up to the moment the best trial finished; null without a best trial.</param>
/// <param name="PriceSources">The distinct price sources of the sweep's ledger lines, e.g. "local price unset (...)".</param>
public sealed record CostInputs(
    int MaxTrials,
    int MaxEpochs,
    bool Finished,
    decimal? MaxCostUsd,
    IReadOnlyList<RunCost> Runs,
    IReadOnlyList<TrialFacts> Trials,
    IReadOnlyList<OverheadCost> Overheads,
    StorageCost Storage,
    long? BestTrialId,
    decimal? UsdToBest,
    IReadOnlyList<string> PriceSources,
    bool AnyPriceUnset,
    bool AnyEstimated)
{
    /// <summary>Seconds charged on spot capacity.</summary>
    public double SpotSeconds { get; init; }

    /// <summary>What the sweep's runs trained on each cloud machine type and what it cost (right-sizing's measurements).</summary>
    public IReadOnlyList<TypeMeasurement> ByInstanceType { get; init; } = [];
}

