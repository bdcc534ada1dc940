namespace Tuner.Search.Pruners;

/// <summary>
/// A pruner as a sweep definition names it: its kind and the settings that kind reads (<see cref="PrunerCatalog"/>
/// says which). <paramref name="Percentile"/> is required by "percentile"; <paramref name="MinTrials"/> is Optuna's
/// n_min_trials. Steps count from 0, as in Optuna.
/// </summary>
public sealed record PrunerOptions(
    string Kind,
    int StartupTrials = 5,
    int WarmupSteps = 0,
    int IntervalSteps = 1,
    double? Percentile = null,
    int MinTrials = 1)
{
    /// <summary>Successive halving and Hyperband: the first rung's resource (steps); null means "auto" for ASHA, 1 for Hyperband.</summary>
    public int? MinResource { get; init; }

    /// <summary>Hyperband: the most resource (steps) a trial gets; required.</summary>
    public int? MaxResource { get; init; }

    /// <summary>Successive halving (default 4) and Hyperband (default 3): the share of trials promoted at each rung is 1/factor.</summary>
    public int? ReductionFactor { get; init; }

    public int MinEarlyStoppingRate { get; init; }

    public int BootstrapCount { get; init; }

    /// <summary>Threshold: prune below this value.</summary>
    public double? Lower { get; init; }

    /// <summary>Threshold: prune above this value.</summary>
    public double? Upper { get; init; }

    /// <summary>Patient: steps without improvement before the wrapped pruner may prune; required.</summary>
    public int? Patience { get; init; }

    /// <summary>Patient: the least change that counts as an improvement.</summary>
    public double MinDelta { get; init; }

    /// <summary>Patient: the pruner it wraps; null prunes as soon as the trial stalls for <see cref="Patience"/> steps.</summary>
    public PrunerOptions? Wrapped { get; init; }
}
