namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// Maximizes the acquisition over the mixed space, after optuna/_gp/optim_mixed.py (optimize_acqf_mixed): score
/// <see cref="GpOptions.PreliminarySamples"/> Latin-hypercube points (in place of Optuna's scrambled Sobol; grids snapped,
/// categoricals as indices), then run <see cref="LocalSearch"/> from the best trial so far, the best sample, and further samples
/// drawn without replacement with probability ∝ exp(acquisition − best) (Optuna's roulette), and keep the best point found.
/// </summary>
internal static class AcquisitionOptimizer
{
    public static double[] Optimize(Acquisition acquisition, IReadOnlyList<GpDimension> dimensions, double[]? warmStart, GpOptions options, TrialRandom random)
    {
        var samples = LatinHypercube(dimensions, options.PreliminarySamples, random);
        var values = samples.Select(p => acquisition.Value(p)).ToArray();
        var bestSample = Array.IndexOf(values, values.Max());
        var starts = new List<double[]> { samples[bestSample] };
        var weights = values.Select((v, i) => i == bestSample || !double.IsFinite(v) ? 0 : Math.Exp(v - values[bestSample])).ToArray();
        var wanted = options.LocalSearches - 1 - (warmStart is null ? 0 : 1);
        for (var pick = 0; pick < wanted && weights.Sum() > 0; pick++)
        {
            var target = random.NextDouble() * weights.Sum();
            var chosen = 0;
            var cumulative = weights[0];
            while (cumulative <= target && chosen < weights.Length - 1)
            {
                cumulative += weights[++chosen];
            }

            starts.Add(samples[chosen]);
            weights[chosen] = 0;
        }

        if (warmStart is not null)
        {
            starts.Add(warmStart);
        }

        var search = new LocalSearch(acquisition, dimensions);
        var (best, bestValue) = (samples[bestSample], values[bestSample]);
        foreach (var start in starts)
        {
            var (point, value) = search.Run(start);
            if (value > bestValue)
            {
                (best, bestValue) = (point, value);
            }
        }

        return best;
    }

    private static double[][] LatinHypercube(IReadOnlyList<GpDimension> dimensions, int count, TrialRandom random)
    {
        var points = Enumerable.Range(0, count).Select(_ => new double[dimensions.Count]).ToArray();
        var strata = new int[count];
        for (var d = 0; d < dimensions.Count; d++)
        {
            for (var i = 0; i < count; i++)
            {
                strata[i] = i;
            }

            for (var i = count - 1; i > 0; i--)
            {
                var j = (int)random.NextUInt64((ulong)i);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }

            var dimension = dimensions[d];
            for (var i = 0; i < count; i++)
            {
                var u = (strata[i] + random.NextDouble()) / count;
                points[i][d] = dimension.Kind == GpDimensionKind.Categorical
                    ? Math.Min(Math.Floor(u * dimension.GridSize), dimension.GridSize - 1)
                    : dimension.Snap(u);
            }
        }

        return points;
    }
}
