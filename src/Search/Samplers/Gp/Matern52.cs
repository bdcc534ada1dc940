namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// The Matérn-5/2 correlation as a function of the squared scaled distance r² (optuna/_gp/gp.py, Matern52Kernel):
/// k = exp(−√(5r²)) (5/3 r² + √(5r²) + 1), and its derivative with respect to r²: −5/6 (1 + √(5r²)) exp(−√(5r²)).
/// </summary>
internal static class Matern52
{
    public static double Value(double squaredDistance)
    {
        var root = Math.Sqrt(5 * squaredDistance);
        return Math.Exp(-root) * (5.0 / 3.0 * squaredDistance + root + 1);
    }

    public static double Derivative(double squaredDistance)
    {
        var root = Math.Sqrt(5 * squaredDistance);
        return -5.0 / 6.0 * (1 + root) * Math.Exp(-root);
    }

    /// <summary>Σ_d λ_d δ_d², where δ_d is the difference for numbers and 0/1 (unequal) for categorical dimensions.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> inverseSquaredLengthScales, ReadOnlySpan<bool> categorical)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var delta = a[d] - b[d];
            sum += inverseSquaredLengthScales[d] * (categorical[d] ? (delta != 0 ? 1 : 0) : delta * delta);
        }

        return sum;
    }
}
