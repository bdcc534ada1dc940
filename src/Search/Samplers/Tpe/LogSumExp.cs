using System.Numerics;
using System.Runtime.InteropServices;

namespace Tuner.Search.Samplers.Tpe;

/// <summary>The two halves of a vectorized log-sum-exp: the largest term, and the sum of exp(term − max) over the terms that matter.</summary>
internal static class LogSumExp
{
    /// <summary>Terms more than this many nats below the largest add less than 1e-17 relative each and are skipped.</summary>
    public const double Negligible = 40;

    public static double Max(ReadOnlySpan<double> terms)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(terms);
        var maxVector = new Vector<double>(double.NegativeInfinity);
        foreach (var v in vectors)
        {
            maxVector = Vector.Max(maxVector, v);
        }

        var max = double.NegativeInfinity;
        for (var l = 0; l < Vector<double>.Count; l++)
        {
            max = Math.Max(max, maxVector[l]);
        }

        for (var k = vectors.Length * Vector<double>.Count; k < terms.Length; k++)
        {
            max = Math.Max(max, terms[k]);
        }

        return max;
    }

    /// <summary>Σ exp(term − max) over the terms above max − <see cref="Negligible"/>; 0 when max is not finite.</summary>
    public static double SumExp(ReadOnlySpan<double> terms, double max)
    {
        if (!double.IsFinite(max))
        {
            return 0;
        }

        var cutoff = max - Negligible;
        var cutoffVector = new Vector<double>(cutoff);
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(terms);
        var sum = 0.0;
        for (var v = 0; v < vectors.Length; v++)
        {
            if (Vector.GreaterThanAny(vectors[v], cutoffVector))
            {
                for (var k = v * Vector<double>.Count; k < (v + 1) * Vector<double>.Count; k++)
                {
                    sum += terms[k] > cutoff ? Math.Exp(terms[k] - max) : 0;
                }
            }
        }

        for (var k = vectors.Length * Vector<double>.Count; k < terms.Length; k++)
        {
            sum += terms[k] > cutoff ? Math.Exp(terms[k] - max) : 0;
        }

        return sum;
    }
}
