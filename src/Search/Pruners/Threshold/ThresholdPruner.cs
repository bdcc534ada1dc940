using static System.FormattableString;

namespace Tuner.Search.Pruners.Threshold;

/// <summary>
/// Stops a trial whose latest value is NaN, infinite, below <c>lower</c> or above <c>upper</c>, after
/// optuna/pruners/_threshold.py: no check before step <c>warmupSteps</c>, and one check per interval of
/// <c>intervalSteps</c> steps (counted from <c>warmupSteps</c>) at the first step reported in it. Unlike Optuna,
/// infinities always prune (a diverged run) and both bounds may be left out, which keeps only the NaN/infinity guard.
/// Looks at the trial alone, so other trials' order and progress do not matter.
/// </summary>
public sealed class ThresholdPruner : IPruner
{
    public ThresholdPruner(double? lower = null, double? upper = null, int warmupSteps = 0, int intervalSteps = 1)
    {
        if (lower is { } l && double.IsNaN(l) || upper is { } u && double.IsNaN(u))
        {
            throw new ArgumentException(Invariant($"lower and upper must be numbers, but got lower={lower}, upper={upper}"), double.IsNaN(lower ?? 0) ? nameof(lower) : nameof(upper));
        }

        if (lower > upper)
        {
            throw new ArgumentException(Invariant($"lower must be less than or equal to upper, but got lower={lower}, upper={upper}"), nameof(lower));
        }

        if (warmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, Invariant($"warmupSteps must not be negative, but got warmupSteps={warmupSteps}"));
        }

        if (intervalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSteps), intervalSteps, Invariant($"intervalSteps must be at least 1, but got intervalSteps={intervalSteps}"));
        }

        (Lower, Upper, WarmupSteps, IntervalSteps) = (lower, upper, warmupSteps, intervalSteps);
    }

    public double? Lower { get; }

    public double? Upper { get; }

    public int WarmupSteps { get; }

    public int IntervalSteps { get; }

    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trial = context.Trial;
        if (trial.LastStep is not { } step || step < WarmupSteps
            || !PercentileMath.IsFirstInIntervalStep(step, trial.IntermediateValues.Keys, WarmupSteps, IntervalSteps))
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        return !double.IsFinite(value) || value < Lower || value > Upper;
    }
}
