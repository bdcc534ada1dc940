namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// One TPE step over a set of dimensions (TPESampler._sample in optuna/samplers/_tpe/sampler.py): fit l(x) to the
/// below trials and g(x) to the above trials that have every one of the dimensions, draw EiCandidates points from
/// l(x), and return the one with the largest log l(x) − log g(x) (the first on ties).
/// </summary>
internal static class TpeAcquisition
{
    /// <summary>Internal values for <paramref name="selected"/> (indices into <paramref name="dimensions"/>), in that order.</summary>
    public static double[] Suggest(int[] selected, TpeDimension[] dimensions, TpeHistory history, TpeOptions options, TrialRandom random)
    {
        var subset = new TpeDimension[selected.Length];
        for (var j = 0; j < selected.Length; j++)
        {
            subset[j] = dimensions[selected[j]];
        }

        var (belowObservations, belowWeights) = Observations(selected, history, history.Below);
        var (aboveObservations, aboveWeights) = Observations(selected, history, history.Above);
        var below = new ParzenEstimator(subset, belowObservations, options, belowWeights);
        var above = new ParzenEstimator(subset, aboveObservations, options, aboveWeights);

        var count = options.EiCandidates;
        var candidates = new double[count * selected.Length];
        below.Sample(random, count, candidates);
        var logBelow = new double[count];
        var logAbove = new double[count];
        below.LogPdf(candidates, count, logBelow);
        above.LogPdf(candidates, count, logAbove);

        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            var score = logBelow[i] - logAbove[i];
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return candidates.AsSpan(best * selected.Length, selected.Length).ToArray();
    }

    /// <summary>observations[j][i]: dimension selected[j] of the i-th row (in row order) that has all selected
    /// dimensions; and those rows' trial weights (null when all weigh 1).</summary>
    private static (double[][] Observations, double[]? Weights) Observations(int[] selected, TpeHistory history, int[] rows)
    {
        var keep = new List<int>(rows.Length);
        foreach (var r in rows)
        {
            var complete = true;
            foreach (var d in selected)
            {
                complete &= !double.IsNaN(history.Columns[d][r]);
            }

            if (complete)
            {
                keep.Add(r);
            }
        }

        var observations = new double[selected.Length][];
        for (var j = 0; j < selected.Length; j++)
        {
            var column = history.Columns[selected[j]];
            var values = observations[j] = new double[keep.Count];
            for (var i = 0; i < keep.Count; i++)
            {
                values[i] = column[keep[i]];
            }
        }

        return (observations, history.Weights is { } all ? [.. keep.Select(r => all[r])] : null);
    }
}
