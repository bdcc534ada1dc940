using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Sobol;

/// <summary>
/// Maps u in [0, 1) to a distribution's value so that uniform u gives the distribution's uniform law (as
/// <see cref="UniformSampling"/> draws it): linear or log-linear for floats, equal-width cells for steps, ints and
/// choices. Equal-width cells keep a quasi-random sequence's stratification on discrete parameters.
/// </summary>
internal static class UnitIntervalMapping
{
    public static object ToValue(Distribution distribution, double u) => distribution switch
    {
        FloatDistribution d => ToFloat(d, u),
        IntDistribution d => ToInt(d, u),
        CategoricalDistribution d => d.Choices[(int)Cell(u, (ulong)d.Choices.Count - 1)],
        _ => throw new NotSupportedException($"Sobol sampling does not know the distribution type {distribution.GetType().Name}"),
    };

    private static double ToFloat(FloatDistribution d, double u)
    {
        if (d.Step is { } step)
        {
            return Math.Min(d.Low + Cell(u, (ulong)d.LastGridIndex) * step, d.High);
        }

        return d.Log
            ? Math.Clamp(Math.Exp(Lerp(Math.Log(d.Low), Math.Log(d.High), u)), d.Low, d.High)
            : Math.Clamp(Lerp(d.Low, d.High, u), d.Low, d.High);
    }

    private static long ToInt(IntDistribution d, double u)
    {
        if (d.Log)
        {
            // As UniformSampling: integer n owns [n - 0.5, n + 0.5) in log space.
            var x = Math.Exp(Lerp(Math.Log(d.Low - 0.5), Math.Log(d.High + 0.5), u));
            return Math.Clamp((long)Math.Round(x), d.Low, d.High);
        }

        return unchecked(d.Low + (long)(Cell(u, d.LastGridIndex) * (ulong)d.Step));
    }

    /// <summary>The cell k in 0..last holding u when [0, 1) is cut into last + 1 equal cells.</summary>
    private static ulong Cell(double u, ulong last)
    {
        var k = Math.Floor(u * ((double)last + 1));
        return k >= last ? last : (ulong)Math.Max(k, 0);
    }

    private static double Lerp(double low, double high, double u) => low + u * (high - low);
}
