namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// The loss minimized to fit the kernel: −(log marginal likelihood + log prior) over raw parameters θ = (log λ_1..D, log s,
/// log(σ² − minimum noise)), with its exact gradient ½ tr((ααᵀ − K⁻¹) ∂K/∂θ). The likelihood follows optuna/_gp/gp.py
/// (marginal_log_likelihood) and the prior optuna/_gp/prior.py (default_log_prior): −Σ(0.1/λ + 0.1λ) + Gamma(2, 1) on s +
/// Gamma(1.1, 30) on σ². Pairwise squared differences are computed once, so each evaluation costs one Cholesky and one inverse.
/// A point i with a noise scale c_i (a prior trial of weight 1/c_i) has σ²·c_i on its diagonal instead of σ².
/// </summary>
internal sealed class MarginalLikelihood
{
    private readonly double[] y;
    private readonly double[] pairDistances;
    private readonly int n;
    private readonly int dims;
    private readonly double minimumNoise;
    private readonly bool deterministic;
    private readonly double[]? noiseScale;

    /// <param name="noiseScale">Each point's noise multiplier (1 / its trial weight); null: all 1.</param>
    public MarginalLikelihood(double[] x, double[] y, bool[] categorical, double minimumNoise, bool deterministic, double[]? noiseScale = null)
    {
        (this.y, n, dims, this.minimumNoise, this.deterministic, this.noiseScale) = (y, y.Length, categorical.Length, minimumNoise, deterministic, noiseScale);
        pairDistances = new double[n * (n - 1) / 2 * dims];
        var p = 0;
        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++, p++)
            {
                for (var d = 0; d < dims; d++)
                {
                    var delta = x[i * dims + d] - x[j * dims + d];
                    pairDistances[p * dims + d] = categorical[d] ? (delta != 0 ? 1 : 0) : delta * delta;
                }
            }
        }
    }

    public int ParameterCount => dims + 2;

    public KernelParams ToKernel(ReadOnlySpan<double> raw) => new(
        raw[..dims].ToArray().Select(v => Math.Exp(v)).ToArray(),
        Math.Exp(raw[dims]),
        deterministic ? minimumNoise : Math.Exp(raw[dims + 1]) + minimumNoise);

    public double[] FromKernel(KernelParams kernel) =>
        [.. kernel.InverseSquaredLengthScales.Select(v => Math.Log(v)), Math.Log(kernel.KernelScale), Math.Log(Math.Max(kernel.NoiseVariance - 0.99 * minimumNoise, 1e-300))];

    /// <summary>The loss at θ, writing its gradient; +∞ when the covariance is not positive definite.</summary>
    public double Loss(ReadOnlySpan<double> raw, Span<double> gradient)
    {
        var kernel = ToKernel(raw);
        var lambda = kernel.InverseSquaredLengthScales;
        var (s, noise) = (kernel.KernelScale, kernel.NoiseVariance);
        var pairs = n * (n - 1) / 2;
        var correlation = new double[pairs];
        var slope = new double[pairs];
        var k = new double[n * n];
        for (int i = 1, p = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++, p++)
            {
                var r2 = DenseMath.Dot(lambda, pairDistances.AsSpan(p * dims, dims));
                correlation[p] = Matern52.Value(r2);
                slope[p] = Matern52.Derivative(r2);
                k[i * n + j] = k[j * n + i] = s * correlation[p];
            }
        }

        for (var i = 0; i < n; i++)
        {
            k[i * n + i] = s + noise * (noiseScale?[i] ?? 1.0);
        }

        if (DenseMath.Cholesky(k, n) is not { } l)
        {
            gradient.Clear();
            return double.PositiveInfinity;
        }

        var v = DenseMath.SolveLower(l, n, y);
        var logDet = 0.0;
        for (var i = 0; i < n; i++)
        {
            logDet += 2 * Math.Log(l[i * n + i]);
        }

        var logLikelihood = -0.5 * logDet - 0.5 * DenseMath.Dot(v, v) - 0.5 * n * Math.Log(2 * Math.PI);
        var lInv = DenseMath.InvertLower(l, n);
        var kInv = DenseMath.InverseFromInvertedFactor(lInv, n);
        var alpha = new double[n];
        for (var i = 0; i < n; i++)
        {
            DenseMath.Axpy(v[i], lInv.AsSpan(i * n, i + 1), alpha);
        }

        gradient.Clear();
        var traceW = 0.0;
        var noiseTraceW = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = alpha[i] * alpha[i] - kInv[i * n + i];
            traceW += w;
            noiseTraceW += w * (noiseScale?[i] ?? 1.0);
        }

        var scaleGradient = 0.5 * s * traceW;
        for (int i = 1, p = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++, p++)
            {
                var w = alpha[i] * alpha[j] - kInv[i * n + j];
                scaleGradient += w * s * correlation[p];
                DenseMath.Axpy(w * s * slope[p], pairDistances.AsSpan(p * dims, dims), gradient[..dims]);
            }
        }

        var logPrior = 0.0;
        for (var d = 0; d < dims; d++)
        {
            gradient[d] = -(gradient[d] * lambda[d] + 0.1 / lambda[d] - 0.1 * lambda[d]);
            logPrior -= 0.1 / lambda[d] + 0.1 * lambda[d];
        }

        logPrior += Math.Log(s) - s + 0.1 * Math.Log(noise) - 30 * noise;
        gradient[dims] = -(scaleGradient + 1 - s);
        gradient[dims + 1] = deterministic ? 0 : -(0.5 * noiseTraceW + 0.1 / noise - 30) * (noise - minimumNoise);
        return -(logLikelihood + logPrior);
    }
}
