namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// A GP conditioned on training points (optuna/_gp/gp.py, GPRegressor): posterior mean kᵀ(K + σ²I)⁻¹y and variance
/// s − kᵀ(K + σ²I)⁻¹k through the inverted Cholesky factor, with gradients for the continuous coordinates.
/// </summary>
internal sealed class GpRegressor
{
    private readonly double[] x;
    private readonly double[] lInv;
    private readonly double[] alpha;
    private readonly bool[] categorical;
    private readonly int n;
    private readonly int dims;

    private GpRegressor(double[] x, int n, int dims, bool[] categorical, KernelParams kernel, double[] lInv, double[] alpha)
    {
        (this.x, this.n, this.dims, this.categorical, Kernel, this.lInv, this.alpha) = (x, n, dims, categorical, kernel, lInv, alpha);
    }

    public KernelParams Kernel { get; }

    /// <summary>Conditions on rows of <paramref name="x"/> (n × dims, row-major) with targets y; null when the matrix is not positive definite.</summary>
    /// <param name="noiseScale">Each point's noise multiplier (1 / its trial weight), for the first noiseScale.Length
    /// points; null: all 1.</param>
    public static GpRegressor? Create(double[] x, double[] y, bool[] categorical, KernelParams kernel, double[]? noiseScale = null)
    {
        var n = y.Length;
        var dims = categorical.Length;
        var k = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var r2 = Matern52.SquaredDistance(x.AsSpan(i * dims, dims), x.AsSpan(j * dims, dims), kernel.InverseSquaredLengthScales, categorical);
                k[i * n + j] = k[j * n + i] = kernel.KernelScale * Matern52.Value(r2);
            }

            k[i * n + i] = kernel.KernelScale + kernel.NoiseVariance * (noiseScale is not null && i < noiseScale.Length ? noiseScale[i] : 1.0);
        }

        if (DenseMath.Cholesky(k, n) is not { } l)
        {
            return null;
        }

        var lInv = DenseMath.InvertLower(l, n);
        var v = DenseMath.SolveLower(l, n, y);
        var alpha = new double[n];
        for (var i = 0; i < n; i++)
        {
            DenseMath.Axpy(v[i], lInv.AsSpan(i * n, i + 1), alpha);
        }

        return new GpRegressor(x, n, dims, categorical, kernel, lInv, alpha);
    }

    /// <summary>Posterior mean and variance at a point; when <paramref name="meanGradient"/> is given, also their gradients (continuous dims only are meaningful).</summary>
    public (double Mean, double Variance) Posterior(ReadOnlySpan<double> point, Span<double> meanGradient = default, Span<double> varianceGradient = default)
    {
        var scale = Kernel.KernelScale;
        var lambda = Kernel.InverseSquaredLengthScales;
        Span<double> kx = n <= 512 ? stackalloc double[n] : new double[n];
        Span<double> dk = n <= 512 ? stackalloc double[n] : new double[n];
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r2 = Matern52.SquaredDistance(point, x.AsSpan(i * dims, dims), lambda, categorical);
            kx[i] = scale * Matern52.Value(r2);
            dk[i] = meanGradient.IsEmpty ? 0 : scale * Matern52.Derivative(r2);
            mean += kx[i] * alpha[i];
        }

        Span<double> v = n <= 512 ? stackalloc double[n] : new double[n];
        var explained = 0.0;
        for (var i = 0; i < n; i++)
        {
            v[i] = DenseMath.Dot(lInv.AsSpan(i * n, i + 1), kx[..(i + 1)]);
            explained += v[i] * v[i];
        }

        var variance = Math.Max(scale - explained, 0);
        if (!meanGradient.IsEmpty)
        {
            Gradients(point, v, dk, meanGradient, varianceGradient);
        }

        return (mean, variance);
    }

    private void Gradients(ReadOnlySpan<double> point, Span<double> v, Span<double> dk, Span<double> meanGradient, Span<double> varianceGradient)
    {
        // q = K⁻¹k = L⁻ᵀ v; d mean = Σ_i α_i ∂k_i, d var = −2 Σ_i q_i ∂k_i, with ∂k_i/∂x_d = s k'(r²) λ_d 2 (x_d − X_id).
        Span<double> q = n <= 512 ? stackalloc double[n] : new double[n];
        q.Clear();
        for (var i = 0; i < n; i++)
        {
            DenseMath.Axpy(v[i], lInv.AsSpan(i * n, i + 1), q[..(i + 1)]);
        }

        meanGradient.Clear();
        varianceGradient.Clear();
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * dims, dims);
            var wMean = alpha[i] * dk[i];
            var wVar = -2 * q[i] * dk[i];
            for (var d = 0; d < dims; d++)
            {
                if (!categorical[d])
                {
                    var g = Kernel.InverseSquaredLengthScales[d] * 2 * (point[d] - row[d]);
                    meanGradient[d] += wMean * g;
                    varianceGradient[d] += wVar * g;
                }
            }
        }
    }
}
