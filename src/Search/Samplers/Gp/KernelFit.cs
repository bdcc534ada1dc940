namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// Fits the kernel parameters by maximizing the marginal likelihood plus prior (optuna/_gp/gp.py, fit_kernel_params): L-BFGS
/// on the log parameters from Optuna's default start (all 1), gradient tolerance 1e-2; when the fit fails (non-finite
/// loss) the defaults are used, as Optuna does. With more than <c>maxPoints</c> training points, the fit uses points evenly
/// spread over the ranking by value, which keeps the O(n³) cost per step bounded.
/// </summary>
internal static class KernelFit
{
    public const double MinimumNoise = 1e-6;
    private const double GradientTolerance = 1e-2;

    /// <param name="noiseScale">Each point's noise multiplier (1 / its trial weight); null: all 1.</param>
    public static KernelParams Fit(double[] x, double[] y, bool[] categorical, GpOptions options, double[]? noiseScale = null)
    {
        var (fitX, fitY, fitScale) = Subset(x, y, noiseScale, categorical.Length, options.MaxFitTrials);
        var likelihood = new MarginalLikelihood(fitX, fitY, categorical, MinimumNoise, options.DeterministicObjective, fitScale);
        var fallback = KernelParams.Default(categorical.Length);
        var start = likelihood.FromKernel(fallback);
        var (raw, loss) = BoxLbfgs.Minimize(likelihood.Loss, start, null, null, options.FitIterations, GradientTolerance);
        return double.IsFinite(loss) && raw.All(double.IsFinite) ? likelihood.ToKernel(raw) : fallback;
    }

    private static (double[] X, double[] Y, double[]? NoiseScale) Subset(double[] x, double[] y, double[]? noiseScale, int dims, int maxPoints)
    {
        var n = y.Length;
        if (n <= maxPoints)
        {
            return (x, y, noiseScale);
        }

        var ranked = Enumerable.Range(0, n).OrderBy(i => y[i]).ThenBy(i => i).ToArray();
        var chosen = Enumerable.Range(0, maxPoints).Select(k => ranked[(int)Math.Round(k * (n - 1.0) / (maxPoints - 1))]).ToArray();
        var subsetX = new double[maxPoints * dims];
        for (var k = 0; k < maxPoints; k++)
        {
            x.AsSpan(chosen[k] * dims, dims).CopyTo(subsetX.AsSpan(k * dims, dims));
        }

        return (subsetX, chosen.Select(i => y[i]).ToArray(), noiseScale is null ? null : chosen.Select(i => noiseScale[i]).ToArray());
    }
}
