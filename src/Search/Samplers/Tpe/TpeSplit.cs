namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Splits trials into the "below" (good) and "above" (the rest) sets, as _split_trials in
/// optuna/samplers/_tpe/sampler.py: the best Complete trials first (ties by trial number); if fewer than
/// <c>nBelow</c> are Complete, the best Pruned ones next, ranked by the latest step they reached and then by the
/// value they reported there (NaN last, no reports after every step). Pending trials always go above.
/// </summary>
internal static class TpeSplit
{
    /// <summary>For each trial (given in trial-number order), whether it belongs to the below set.</summary>
    public static bool[] Below(IReadOnlyList<FrozenTrial> trials, StudyDirection direction, int nBelow)
    {
        var sign = direction == StudyDirection.Maximize ? -1.0 : 1.0;
        var below = new bool[trials.Count];
        var complete = new List<int>();
        var pruned = new List<int>();
        for (var i = 0; i < trials.Count; i++)
        {
            (trials[i].State switch { TrialState.Complete => complete, TrialState.Pruned => pruned, _ => null })?.Add(i);
        }

        var completeKeys = new double[complete.Count];
        for (var j = 0; j < complete.Count; j++)
        {
            completeKeys[j] = trials[complete[j]].Value is { } v && !double.IsNaN(v) ? sign * v : double.PositiveInfinity;
        }

        var taken = Take(complete, completeKeys, nBelow, below);
        if (taken < nBelow && pruned.Count > 0)
        {
            var steps = new double[trials.Count];
            var values = new double[trials.Count];
            foreach (var i in pruned)
            {
                (steps[i], values[i]) = PrunedScore(trials[i], sign);
            }

            pruned.Sort((x, y) => steps[x] != steps[y] ? steps[x].CompareTo(steps[y]) : values[x] != values[y] ? values[x].CompareTo(values[y]) : x.CompareTo(y));
            for (var k = 0; k < Math.Min(nBelow - taken, pruned.Count); k++)
            {
                below[pruned[k]] = true;
            }
        }

        return below;
    }

    /// <summary>Optuna's _get_pruned_trial_score: (−last step, signed last value), NaN as +∞, and (1, 0) without reports.</summary>
    private static (double Step, double Value) PrunedScore(FrozenTrial trial, double sign)
    {
        if (trial.LastStep is not { } step)
        {
            return (1, 0);
        }

        var value = trial.IntermediateValues[step];
        return (-step, double.IsNaN(value) ? double.PositiveInfinity : sign * value);
    }

    private static int Take(List<int> indices, double[] keys, int count, bool[] below)
    {
        count = Math.Clamp(count, 0, indices.Count);
        var sorted = Sorted(keys, [.. indices]);
        for (var k = 0; k < count; k++)
        {
            below[sorted[k]] = true;
        }

        return count;
    }

    /// <summary>The indices ordered by key, equal keys by index (a stable order, since indices come ascending).</summary>
    private static int[] Sorted(double[] keys, int[] indices)
    {
        keys = (double[])keys.Clone();
        Array.Sort(keys, indices);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(indices, start, end - start);
            }

            start = end;
        }

        return indices;
    }
}
