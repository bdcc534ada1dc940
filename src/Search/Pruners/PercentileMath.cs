namespace Tuner.Search.Pruners;

/// <summary>The numeric helpers of <see cref="PercentilePruner"/>, after optuna/pruners/_percentile.py.</summary>
internal static class PercentileMath
{
    /// <summary>The trial's best value over all its steps, NaNs ignored; NaN when every value is NaN.</summary>
    public static double BestOverSteps(IEnumerable<double> values, StudyDirection direction)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToList();
        if (finite.Count == 0)
        {
            return double.NaN;
        }

        return direction == StudyDirection.Maximize ? finite.Max() : finite.Min();
    }

    /// <summary>numpy.nanpercentile with linear interpolation: NaNs ignored, NaN when nothing is left.</summary>
    public static double NanPercentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = percentile / 100.0 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = rank - below;
        var (a, b) = (sorted[below], sorted[above]);
        if (fraction == 0)
        {
            return a;
        }

        // numpy's _lerp: interpolate from the nearer end for accuracy.
        return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction;
    }

    /// <summary>
    /// Whether <paramref name="step"/> is the first step the trial reported in its pruning interval: intervals start
    /// at warmupSteps + k*intervalSteps, and a check skipped because no value was reported at an interval's start
    /// happens at the next reported step of that interval.
    /// </summary>
    public static bool IsFirstInIntervalStep(int step, IEnumerable<int> reportedSteps, int warmupSteps, int intervalSteps)
    {
        var nearestLowerPruningStep = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        var secondLastStep = reportedSteps.Where(s => s != step).DefaultIfEmpty(-1).Max();
        return secondLastStep < nearestLowerPruningStep;
    }
}
