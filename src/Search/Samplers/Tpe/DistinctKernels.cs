namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// The distinct (mu, sigma) pairs of a grid dimension's kernels, so each cell mass (two normal CDFs in log space)
/// is computed once per distinct kernel rather than once per kernel (as _unique_inverse_2d in
/// optuna/samplers/_tpe/probability_distributions.py). Many trials share a grid value, hence a kernel.
/// </summary>
internal sealed class DistinctKernels
{
    private readonly double[] mu;
    private readonly double[] inverseSigma;
    private readonly double[] logNormalizer;
    private readonly int[] owner;
    private double[] cellTerms = [];

    public DistinctKernels(double[] mu, double[] sigma, double[] logNormalizer)
    {
        var order = new int[mu.Length];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        Array.Sort(order, (x, y) => mu[x] != mu[y] ? mu[x].CompareTo(mu[y]) : sigma[x] != sigma[y] ? sigma[x].CompareTo(sigma[y]) : x.CompareTo(y));
        owner = new int[mu.Length];
        var distinctMu = new List<double>();
        var distinctInverse = new List<double>();
        var distinctNormalizer = new List<double>();
        for (var i = 0; i < order.Length; i++)
        {
            var k = order[i];
            if (i == 0 || mu[k] != mu[order[i - 1]] || sigma[k] != sigma[order[i - 1]])
            {
                distinctMu.Add(mu[k]);
                distinctInverse.Add(1 / sigma[k]);
                distinctNormalizer.Add(logNormalizer[k]);
            }

            owner[k] = distinctMu.Count - 1;
        }

        (this.mu, inverseSigma, this.logNormalizer) = ([.. distinctMu], [.. distinctInverse], [.. distinctNormalizer]);
    }

    /// <summary>Computes, for each point's grid cell and each distinct kernel, log P(cell) − log P(range).</summary>
    public void Prepare(ReadOnlySpan<double> points, TpeDimension dimension)
    {
        cellTerms = new double[points.Length * mu.Length];
        var half = dimension.Step / 2;
        for (var i = 0; i < points.Length; i++)
        {
            var (cellLow, cellHigh) = (dimension.Transform(points[i] - half), dimension.Transform(points[i] + half));
            for (var u = 0; u < mu.Length; u++)
            {
                cellTerms[i * mu.Length + u] = TruncatedNormal.LogGaussMass((cellLow - mu[u]) * inverseSigma[u], (cellHigh - mu[u]) * inverseSigma[u]) + logNormalizer[u];
            }
        }
    }

    /// <summary>Adds the prepared term of point <paramref name="point"/> for kernels offset .. offset + logPdf.Length − 1.</summary>
    public void AddLogMass(int point, Span<double> logPdf, int offset)
    {
        var terms = cellTerms.AsSpan(point * mu.Length, mu.Length);
        var owners = owner.AsSpan(offset, logPdf.Length);
        for (var k = 0; k < logPdf.Length; k++)
        {
            logPdf[k] += terms[owners[k]];
        }
    }
}
