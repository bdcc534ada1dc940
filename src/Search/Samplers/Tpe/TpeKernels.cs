namespace Tuner.Search.Samplers.Tpe;

/// <summary>One dimension of a Parzen mixture: one kernel per observation plus the prior kernel (the last one).</summary>
internal abstract class TpeKernels
{
    /// <summary>Called once before <see cref="AddLogPdf"/> with this dimension's value of every point to score.</summary>
    public virtual void Prepare(ReadOnlySpan<double> points)
    {
    }

    /// <summary>
    /// Adds, for kernels offset .. offset + logPdf.Length − 1, the log density (or log mass) of point
    /// <paramref name="point"/> (internal value <paramref name="x"/>) to <paramref name="logPdf"/>.
    /// </summary>
    public abstract void AddLogPdf(int point, double x, Span<double> logPdf, int offset);

    /// <summary>Draws an internal value from kernel <paramref name="kernel"/>.</summary>
    public abstract double Sample(int kernel, TrialRandom random);
}
