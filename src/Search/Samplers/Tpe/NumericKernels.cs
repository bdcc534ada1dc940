using System.Numerics;
using System.Runtime.InteropServices;

namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Truncated normal kernels in a dimension's adapted space (log for log scales, ±step/2 for grids), after
/// _calculate_numerical_distributions in optuna/samplers/_tpe/parzen_estimator.py and the batched distributions in
/// probability_distributions.py. Continuous values score by density; grid values by the mass of their cell.
/// </summary>
internal sealed class NumericKernels : TpeKernels
{
    private readonly TpeDimension dimension;
    private readonly double[] mu;
    private readonly double[] sigma;
    private readonly double[] inverseSigma;
    private readonly double[] logNormalizer;
    private readonly double[] standardLow;
    private readonly double[] standardHigh;
    private readonly DistinctKernels? distinct;

    /// <param name="sigmas">Bandwidths of the observation kernels (the prior kernel is appended here).</param>
    public NumericKernels(TpeDimension dimension, ReadOnlySpan<double> adaptedObservations, ReadOnlySpan<double> sigmas)
    {
        this.dimension = dimension;
        var (low, high) = (dimension.AdaptedLow, dimension.AdaptedHigh);
        var kernels = adaptedObservations.Length + 1;
        mu = new double[kernels];
        sigma = new double[kernels];
        adaptedObservations.CopyTo(mu);
        sigmas.CopyTo(sigma);
        mu[^1] = 0.5 * (low + high);
        sigma[^1] = high - low;

        inverseSigma = new double[kernels];
        logNormalizer = new double[kernels];
        standardLow = new double[kernels];
        standardHigh = new double[kernels];
        var continuous = dimension.Kind == TpeKind.Continuous;
        var logSigma = 0.0;
        for (var k = 0; k < kernels; k++)
        {
            inverseSigma[k] = 1 / sigma[k];
            standardLow[k] = (low - mu[k]) * inverseSigma[k];
            standardHigh[k] = (high - mu[k]) * inverseSigma[k];
            // Beyond ten sigmas on both sides the truncation removes under 1e-23 of the mass: log mass is 0.
            var logMass = standardLow[k] < -10 && standardHigh[k] > 10 ? 0 : TruncatedNormal.LogGaussMass(standardLow[k], standardHigh[k]);
            // Many bandwidths are equal (clipped, or one width for all): reuse the previous log.
            logSigma = k > 0 && sigma[k] == sigma[k - 1] ? logSigma : Math.Log(sigma[k]);
            logNormalizer[k] = continuous ? -logMass - logSigma - TruncatedNormal.LogSqrt2Pi : -logMass;
        }

        distinct = continuous ? null : new DistinctKernels(mu, sigma, logNormalizer);
    }

    /// <summary>The kernels' centres in the adapted space, the prior's last.</summary>
    public IReadOnlyList<double> Means => mu;

    /// <summary>The kernels' bandwidths in the adapted space, the prior's last.</summary>
    public IReadOnlyList<double> Sigmas => sigma;

    public override void Prepare(ReadOnlySpan<double> points) => distinct?.Prepare(points, dimension);

    public override void AddLogPdf(int point, double x, Span<double> logPdf, int offset)
    {
        if (distinct is { } cells)
        {
            cells.AddLogMass(point, logPdf, offset);
            return;
        }

        var t = dimension.Transform(x);
        var means = mu.AsSpan(offset, logPdf.Length);
        var scales = inverseSigma.AsSpan(offset, logPdf.Length);
        var norms = logNormalizer.AsSpan(offset, logPdf.Length);
        var target = MemoryMarshal.Cast<double, Vector<double>>(logPdf);
        var meanVectors = MemoryMarshal.Cast<double, Vector<double>>(means);
        var scaleVectors = MemoryMarshal.Cast<double, Vector<double>>(scales);
        var normVectors = MemoryMarshal.Cast<double, Vector<double>>(norms);
        var tv = new Vector<double>(t);
        var minusHalf = new Vector<double>(-0.5);
        for (var v = 0; v < target.Length; v++)
        {
            var z = (tv - meanVectors[v]) * scaleVectors[v];
            target[v] += normVectors[v] + minusHalf * z * z;
        }

        for (var k = target.Length * Vector<double>.Count; k < logPdf.Length; k++)
        {
            var z = (t - means[k]) * scales[k];
            logPdf[k] += norms[k] - 0.5 * z * z;
        }
    }

    public override double Sample(int kernel, TrialRandom random)
    {
        var z = TruncatedNormal.Ppf(random.NextDouble(), standardLow[kernel], standardHigh[kernel]);
        var adapted = Math.Clamp(mu[kernel] + sigma[kernel] * z, dimension.AdaptedLow, dimension.AdaptedHigh);
        return dimension.FromAdapted(adapted);
    }
}
