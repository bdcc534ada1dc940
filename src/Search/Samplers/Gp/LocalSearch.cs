namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// Hill-climbs the acquisition from one start over the mixed space, after optuna/_gp/optim_mixed.py (local_search_mixed):
/// repeat (1) L-BFGS on all continuous coordinates together, preconditioned by the length scales (z = x/ℓ on [0, 1/ℓ]), then
/// (2) each discrete coordinate alone: every choice for categoricals and grids of at most 16 points, otherwise grid moves of
/// ±1, ±2, ±4, ... points (in place of Optuna's Brent search on the interpolated grid) — until a full round changes nothing.
/// </summary>
internal sealed class LocalSearch(Acquisition acquisition, IReadOnlyList<GpDimension> dimensions)
{
    private const int MaxRounds = 100;
    private const int MaxExhaustiveGrid = 16;
    private const int GradientIterations = 100;
    private const double GradientTolerance = 1e-2;

    private readonly int[] continuous = Enumerable.Range(0, dimensions.Count).Where(d => dimensions[d].Kind == GpDimensionKind.Continuous).ToArray();
    private readonly int[] discrete = Enumerable.Range(0, dimensions.Count).Where(d => dimensions[d].Kind != GpDimensionKind.Continuous).ToArray();

    public (double[] Point, double Value) Run(double[] start)
    {
        var point = (double[])start.Clone();
        var value = acquisition.Value(point);
        const int Continuous = -1;
        int? lastChanged = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            if (lastChanged == Continuous)
            {
                return (point, value);
            }

            if (GradientAscent(point, ref value))
            {
                lastChanged = Continuous;
            }

            foreach (var d in discrete)
            {
                if (lastChanged == d)
                {
                    return (point, value);
                }

                if (DiscreteStep(point, ref value, d))
                {
                    lastChanged = d;
                }
            }

            if (lastChanged is null)
            {
                return (point, value);
            }
        }

        return (point, value);
    }

    private bool GradientAscent(double[] point, ref double value)
    {
        if (continuous.Length == 0)
        {
            return false;
        }

        var lambda = acquisition.Gp.Kernel.InverseSquaredLengthScales;
        var scales = continuous.Select(d => 1 / Math.Sqrt(lambda[d])).ToArray();
        var work = (double[])point.Clone();
        var full = new double[point.Length];
        double Negative(ReadOnlySpan<double> z, Span<double> gradient)
        {
            for (var c = 0; c < continuous.Length; c++)
            {
                work[continuous[c]] = z[c] * scales[c];
            }

            var f = acquisition.ValueAndGradient(work, full);
            for (var c = 0; c < continuous.Length; c++)
            {
                gradient[c] = -full[continuous[c]] * scales[c];
            }

            return double.IsFinite(f) ? -f : double.PositiveInfinity;
        }

        var start = continuous.Select((d, c) => point[d] / scales[c]).ToArray();
        var upper = scales.Select(s => 1 / s).ToArray();
        var (z, negative) = BoxLbfgs.Minimize(Negative, start, new double[continuous.Length], upper, GradientIterations, GradientTolerance);
        if (!(-negative > value))
        {
            return false;
        }

        for (var c = 0; c < continuous.Length; c++)
        {
            point[continuous[c]] = Math.Clamp(z[c] * scales[c], 0, 1);
        }

        value = -negative;
        return true;
    }

    private bool DiscreteStep(double[] point, ref double value, int d)
    {
        var dimension = dimensions[d];
        var current = dimension.GridIndex(point[d]);
        var candidates = dimension.GridSize <= MaxExhaustiveGrid || dimension.Kind == GpDimensionKind.Categorical
            ? Enumerable.Range(0, (int)dimension.GridSize).Select(k => (long)k)
            : Moves(current, dimension.GridSize);
        var original = point[d];
        var (bestIndex, bestValue) = (current, value);
        foreach (var k in candidates.Where(k => k != current))
        {
            point[d] = dimension.GridPoint(k);
            var f = acquisition.Value(point);
            if (f > bestValue)
            {
                (bestIndex, bestValue) = (k, f);
            }
        }

        point[d] = bestIndex == current ? original : dimension.GridPoint(bestIndex);
        value = bestValue;
        return bestIndex != current;
    }

    private static IEnumerable<long> Moves(long current, long size)
    {
        for (var offset = 1L; offset < size; offset *= 2)
        {
            if (current - offset >= 0)
            {
                yield return current - offset;
            }

            if (current + offset < size)
            {
                yield return current + offset;
            }
        }
    }
}
