using Tuner.Search.Samplers.Gp;

namespace Tuner.Search.Tests.Samplers.Gp;

public class LogExpectedImprovementTests
{
    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Standard_MatchesTheClosedForm_ForModerateZ(double z)
    {
        var cdf = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
        var pdf = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
        Assert.Equal(Math.Log(z * cdf + pdf), LogExpectedImprovement.Standard(z).Value, 12);
    }

    [Fact]
    public void Standard_IsContinuousAcrossTheSwitchToTheAsymptoticSeries()
    {
        var below = LogExpectedImprovement.Standard(-25.000001).Value;
        var (above, slope) = LogExpectedImprovement.Standard(-24.999999);
        Assert.Equal(above - slope * 2e-6, below, 1e-8);
    }

    [Fact]
    public void Evaluate_IsFiniteAndIncreasing_ForVeryBadToVeryGoodMeans()
    {
        double[] means = [-1e6, -1e4, -300, -40, -10, -1, 0, 1, 10, 1e3];
        var values = means.Select(m => LogExpectedImprovement.Evaluate(m, 0.01, 0).Value).ToArray();

        Assert.All(values, v => Assert.True(double.IsFinite(v), $"log EI must be finite, but got {v}"));
        Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second), $"log EI must increase with the mean: {string.Join(", ", values)}");
        Assert.Equal(Math.Log(1e3), values[^1], 6);
    }

    [Theory]
    [InlineData(-50.0, 0.3)]
    [InlineData(-0.7, 0.2)]
    [InlineData(1.5, 2.0)]
    public void Evaluate_GradientsMatchFiniteDifferences(double mean, double variance)
    {
        var (_, dMean, dVariance) = LogExpectedImprovement.Evaluate(mean, variance, 0.4);
        const double h = 1e-6;
        var numericMean = (LogExpectedImprovement.Evaluate(mean + h, variance, 0.4).Value - LogExpectedImprovement.Evaluate(mean - h, variance, 0.4).Value) / (2 * h);
        var numericVariance = (LogExpectedImprovement.Evaluate(mean, variance + h, 0.4).Value - LogExpectedImprovement.Evaluate(mean, variance - h, 0.4).Value) / (2 * h);
        Assert.Equal(numericMean, dMean, 1e-4 * Math.Max(1, Math.Abs(dMean)));
        Assert.Equal(numericVariance, dVariance, 1e-4 * Math.Max(1, Math.Abs(dVariance)));
    }
}
