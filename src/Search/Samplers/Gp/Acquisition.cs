namespace Tuner.Search.Samplers.Gp;

/// <summary>Log expected improvement of a GP over the threshold <c>f0</c> (the best standardized value), with its gradient.</summary>
internal sealed class Acquisition(GpRegressor gp, double f0)
{
    public GpRegressor Gp { get; } = gp;

    public double Value(ReadOnlySpan<double> point)
    {
        var (mean, variance) = Gp.Posterior(point);
        return LogExpectedImprovement.Evaluate(mean, variance, f0).Value;
    }

    /// <summary>The value, writing ∂/∂x into <paramref name="gradient"/> (zero for categorical dimensions).</summary>
    public double ValueAndGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        Span<double> varianceGradient = stackalloc double[point.Length];
        var (mean, variance) = Gp.Posterior(point, gradient, varianceGradient);
        var (value, dMean, dVariance) = LogExpectedImprovement.Evaluate(mean, variance, f0);
        for (var d = 0; d < point.Length; d++)
        {
            gradient[d] = dMean * gradient[d] + dVariance * varianceGradient[d];
        }

        return value;
    }
}
