using Tuner.Search.Spaces;

namespace Tuner.Search.Analysis;

/// <summary>
/// Which parameters matter: a first-order (main-effect) variance decomposition. For each parameter, the fraction of
/// the objective's variance that the parameter explains on its own is estimated as the correlation ratio η² = (variance
/// of the per-bin means, weighted by bin size) / (total variance), with the parameter binned into quantile bins
/// (categoricals: one bin per choice; log-scaled parameters binned in log space, where quantiles are the same). The
/// η² of all parameters are then normalised to sum to 1. Interactions are not attributed to anyone, so normalising
/// hands them out in proportion to the main effects.
/// </summary>
/// <remarks>
/// η² of a parameter with no effect is not 0 but about (bins − 1) / (n − 1) from noise alone; with n in the
/// thousands that is well under 1 %. Binning also loses the variance inside each bin: for a linear effect of a
/// uniform parameter, 1 / bins² of it (1 % at 10 bins), the same fraction for every such parameter, so shares hold.
/// A conditional parameter is measured on the trials where it is active, against their own variance.
/// </remarks>
public static class ParameterImportance
{
    /// <summary>The method in one sentence, as the API names it.</summary>
    public const string Method =
        "first-order variance decomposition: each parameter's correlation ratio η² (objective variance explained by its "
        + "quantile bins, one bin per categorical choice, log-scaled parameters binned in log space), normalised to sum to 1";

    /// <summary>The most quantile bins a numeric parameter is cut into; fewer (√n, at least 2) for few trials.</summary>
    public const int MostBins = 10;

    /// <summary>
    /// Each parameter of <paramref name="space"/> with its share, largest first (ties by name); null with fewer than 2
    /// trials. Trials whose value is not a finite number are left out. All shares are 0 when the objective does not vary.
    /// </summary>
    public static IReadOnlyList<ParameterShare>? Estimate(SearchSpace space, IReadOnlyList<ObservedTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trials);
        var finite = trials.Where(t => double.IsFinite(t.Value)).ToList();
        if (finite.Count < 2) return null;

        var ratios = space.Parameters.Select(p => (p.Name, Ratio: CorrelationRatio(p, finite))).ToList();
        var total = ratios.Sum(r => r.Ratio);
        return ratios
            .Select(r => new ParameterShare(r.Name, total > 0 ? r.Ratio / total : 0))
            .OrderByDescending(s => s.Importance).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>η² of the objective over the parameter's bins, on the trials where the parameter has a value; 0 when
    /// fewer than 2 have one or their objective does not vary.</summary>
    internal static double CorrelationRatio(ParameterSpec parameter, IReadOnlyList<ObservedTrial> trials)
    {
        var points = new List<(double Coordinate, double Value)>(trials.Count);
        foreach (var trial in trials)
        {
            if (trial.Params.TryGetValue(parameter.Name, out var value) && Coordinate(parameter.Distribution, value) is { } coordinate)
            {
                points.Add((coordinate, trial.Value));
            }
        }

        if (points.Count < 2) return 0;
        var bins = parameter.Distribution is CategoricalDistribution
            ? points.Select(p => (int)p.Coordinate).ToArray()
            : QuantileBins.Assign(points.Select(p => p.Coordinate).ToArray(), BinCount(points.Count));
        return BetweenBinShare(bins, points.Select(p => p.Value).ToArray());
    }

    private static int BinCount(int n) => Math.Clamp((int)Math.Sqrt(n), 2, MostBins);

    /// <summary>The coordinate binned: a choice's index, the log of a log-scaled number, the number itself; null when the
    /// value does not fit the distribution (a value stored before the space changed).</summary>
    private static double? Coordinate(Distribution distribution, object value)
    {
        try
        {
            var internalValue = distribution.ToInternal(value);
            var log = distribution is FloatDistribution { Log: true } or IntDistribution { Log: true };
            var coordinate = log ? Math.Log(internalValue) : internalValue;
            return double.IsFinite(coordinate) ? coordinate : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Σ nᵢ (meanᵢ − mean)² / Σ (v − mean)²: the share of the values' variance between the bins.</summary>
    private static double BetweenBinShare(int[] bins, double[] values)
    {
        var mean = values.Average();
        var totalSquares = values.Sum(v => (v - mean) * (v - mean));
        // A spread this small next to the values themselves is rounding, not variance.
        if (totalSquares <= 1e-24 * values.Length * Math.Max(1, mean * mean)) return 0;
        var between = bins.Zip(values)
            .GroupBy(p => p.First)
            .Sum(bin =>
            {
                var binMean = bin.Average(p => p.Second);
                return bin.Count() * (binMean - mean) * (binMean - mean);
            });
        return Math.Clamp(between / totalSquares, 0, 1);
    }
}
