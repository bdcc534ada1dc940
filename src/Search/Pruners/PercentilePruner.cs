using static System.FormattableString;

namespace Tuner.Search.Pruners;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than the given percentile of the Complete trials'
/// values at the same step; Optuna's PercentilePruner. No pruning until <c>startupTrials</c> trials are Complete,
/// before step <c>warmupSteps</c>, or with fewer than <c>minTrials</c> values at the step. Checks happen once per
/// interval of <c>intervalSteps</c> steps (counted from <c>warmupSteps</c>), at the first step reported in it. A
/// trial whose values are all NaN is pruned.
/// </summary>
public class PercentilePruner : IPruner
{
    public PercentilePruner(double percentile, int startupTrials = 5, int warmupSteps = 0, int intervalSteps = 1, int minTrials = 1)
    {
        if (!(percentile >= 0 && percentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, Invariant($"percentile must be between 0 and 100 inclusive, but got percentile={percentile}"));
        }

        Check(startupTrials >= 0, nameof(startupTrials), startupTrials, "must not be negative");
        Check(warmupSteps >= 0, nameof(warmupSteps), warmupSteps, "must not be negative");
        Check(intervalSteps >= 1, nameof(intervalSteps), intervalSteps, "must be at least 1");
        Check(minTrials >= 1, nameof(minTrials), minTrials, "must be at least 1");
        Percentile = percentile;
        StartupTrials = startupTrials;
        WarmupSteps = warmupSteps;
        IntervalSteps = intervalSteps;
        MinTrials = minTrials;
    }

    public double Percentile { get; }

    public int StartupTrials { get; }

    public int WarmupSteps { get; }

    public int IntervalSteps { get; }

    public int MinTrials { get; }

    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trial = context.Trial;
        var completed = context.Trials.Where(t => t.State == TrialState.Complete && t.Number != trial.Number).ToList();
        if (completed.Count == 0 || completed.Count < StartupTrials)
        {
            return false;
        }

        if (trial.LastStep is not { } step || step < WarmupSteps
            || !PercentileMath.IsFirstInIntervalStep(step, trial.IntermediateValues.Keys, WarmupSteps, IntervalSteps))
        {
            return false;
        }

        var best = PercentileMath.BestOverSteps(trial.IntermediateValues.Values, context.Direction);
        if (double.IsNaN(best))
        {
            return true;
        }

        var others = completed.Where(t => t.IntermediateValues.ContainsKey(step)).Select(t => t.IntermediateValues[step]).ToList();
        if (others.Count < MinTrials)
        {
            return false;
        }

        var maximize = context.Direction == StudyDirection.Maximize;
        var threshold = PercentileMath.NanPercentile(others, maximize ? 100 - Percentile : Percentile);
        if (double.IsNaN(threshold))
        {
            return false;
        }

        return maximize ? best < threshold : best > threshold;
    }

    private static void Check(bool valid, string name, int value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} {rule}, but got {name}={value}"));
        }
    }
}
