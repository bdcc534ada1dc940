namespace Tuner.Search.Pruners;

/// <summary>
/// A pruner as a sweep definition names it. <paramref name="Percentile"/> is required by "percentile" and refused
/// by the other kinds; <paramref name="MinTrials"/> is Optuna's n_min_trials.
/// </summary>
public sealed record PrunerOptions(
    string Kind,
    int StartupTrials = 5,
    int WarmupSteps = 0,
    int IntervalSteps = 1,
    double? Percentile = null,
    int MinTrials = 1);
