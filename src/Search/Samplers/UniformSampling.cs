using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers;

/// <summary>Draws one value uniformly from a distribution: in log space for log scales, on the grid for steps.</summary>
internal static class UniformSampling
{
    public static object Sample(Distribution distribution, TrialRandom random) => distribution switch
    {
        FloatDistribution d => SampleFloat(d, random),
        IntDistribution d => SampleInt(d, random),
        CategoricalDistribution d => d.Choices[(int)random.NextUInt64((ulong)d.Choices.Count - 1)],
        _ => throw new NotSupportedException($"uniform sampling does not know the distribution type {distribution.GetType().Name}"),
    };

    private static double SampleFloat(FloatDistribution d, TrialRandom random)
    {
        if (d.Step is { } step)
        {
            var k = random.NextUInt64((ulong)d.LastGridIndex);
            return Math.Min(d.Low + k * step, d.High);
        }

        if (d.Log)
        {
            return Math.Clamp(Math.Exp(Between(Math.Log(d.Low), Math.Log(d.High), random)), d.Low, d.High);
        }

        return Math.Clamp(Between(d.Low, d.High, random), d.Low, d.High);
    }

    private static long SampleInt(IntDistribution d, TrialRandom random)
    {
        if (d.Log)
        {
            // Each integer n owns [n - 0.5, n + 0.5); drawing uniformly in log space over the union and rounding
            // gives every integer the log-space width of its cell.
            var x = Math.Exp(Between(Math.Log(d.Low - 0.5), Math.Log(d.High + 0.5), random));
            return Math.Clamp((long)Math.Round(x), d.Low, d.High);
        }

        var k = random.NextUInt64(d.LastGridIndex);
        return unchecked(d.Low + (long)(k * (ulong)d.Step));
    }

    private static double Between(double low, double high, TrialRandom random) => low + random.NextDouble() * (high - low);
}
