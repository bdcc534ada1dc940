namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Kernel bandwidths for a numeric dimension, as compute_sigmas in optuna/samplers/_tpe/parzen_estimator.py
/// (Optuna 4.x). Univariate: each kernel is as wide as the larger gap to its sorted neighbours (the range ends count
/// as neighbours; without ConsiderEndpoints the outermost kernels use their inner gap). Multivariate: one width for
/// all, 0.2 · n^(−1/(dims + 4)) · range (Scott's rule). Then clipped to [range / min(100, 1 + kernels), range] by
/// the magic clip (or [1e-12, range]). The prior kernel sits mid-range with width = range.
/// </summary>
internal static class TpeBandwidth
{
    private const double Sigma0 = 0.2;
    private const double Eps = 1e-12;

    public static NumericKernels Kernels(TpeDimension dimension, ReadOnlySpan<double> observations, int dimensions, TpeOptions options)
    {
        var (low, high) = (dimension.AdaptedLow, dimension.AdaptedHigh);
        var n = observations.Length;
        var mus = new double[n];
        for (var i = 0; i < n; i++)
        {
            mus[i] = dimension.Transform(observations[i]);
        }

        var sigmas = new double[n];
        if (options.Multivariate)
        {
            Array.Fill(sigmas, Sigma0 * Math.Pow(Math.Max(n, 1), -1.0 / (dimensions + 4)) * (high - low));
        }
        else
        {
            NeighbourGaps(mus, low, high, options.ConsiderEndpoints, sigmas);
        }

        var maxSigma = high - low;
        var minSigma = options.ConsiderMagicClip ? (high - low) / Math.Min(100.0, 1.0 + (n + 1)) : Eps;
        for (var i = 0; i < n; i++)
        {
            sigmas[i] = Math.Clamp(sigmas[i], minSigma, Math.Max(minSigma, maxSigma));
        }

        return new NumericKernels(dimension, mus, sigmas);
    }

    private static void NeighbourGaps(double[] mus, double low, double high, bool considerEndpoints, double[] sigmas)
    {
        var n = mus.Length;
        if (n == 0)
        {
            return;
        }

        var sorted = (double[])mus.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (!IsSorted(sorted))
        {
            Array.Sort(sorted, order);
        }

        for (var s = 0; s < n; s++)
        {
            var left = sorted[s] - (s == 0 ? low : sorted[s - 1]);
            var right = (s == n - 1 ? high : sorted[s + 1]) - sorted[s];
            sigmas[order[s]] = Math.Max(left, right);
        }

        if (!considerEndpoints && n >= 2)
        {
            sigmas[order[0]] = sorted[1] - sorted[0];
            sigmas[order[n - 1]] = sorted[n - 1] - sorted[n - 2];
        }
    }

    private static bool IsSorted(double[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i - 1] > values[i])
            {
                return false;
            }
        }

        return true;
    }
}
