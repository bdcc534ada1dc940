namespace Tuner.Search.Pruners;

/// <summary>The median stopping rule: a <see cref="PercentilePruner"/> at the 50th percentile (Optuna's MedianPruner).</summary>
public sealed class MedianPruner(int startupTrials = 5, int warmupSteps = 0, int intervalSteps = 1, int minTrials = 1)
    : PercentilePruner(50, startupTrials, warmupSteps, intervalSteps, minTrials);
