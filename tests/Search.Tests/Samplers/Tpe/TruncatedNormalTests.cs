using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TruncatedNormalTests
{
    [Theory]
    [InlineData(-3.0, -1.0)]
    [InlineData(-0.5, 2.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(-10.0, 10.0)]
    public void LogGaussMass_MatchesTheNormalCdf(double a, double b)
    {
        var expected = Math.Log(Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a));
        Assert.Equal(expected, TruncatedNormal.LogGaussMass(a, b), 1e-12);
    }

    [Theory]
    [InlineData(-21.0)]
    [InlineData(-30.0)]
    [InlineData(-37.0)]
    public void LogNdtr_StaysAccurate_FarInTheLeftTail(double a)
    {
        var expected = Math.Log(0.5 * SpecialFunctions.Erfc(-a / Math.Sqrt(2)));
        Assert.Equal(1.0, TruncatedNormal.LogNdtr(a) / expected, 1e-12);
    }

    [Fact]
    public void LogGaussMass_IsFinite_ForANarrowCellFarInTheTail()
    {
        var value = TruncatedNormal.LogGaussMass(40, 40.5);
        Assert.True(double.IsFinite(value) && value < -800, $"log mass {value}");
    }

    [Theory]
    [InlineData(0.3, -2.0, 1.0)]
    [InlineData(0.9, 0.5, 6.0)]
    [InlineData(0.01, -8.0, -3.0)]
    [InlineData(0.5, 5.0, 30.0)]
    public void Ppf_InvertsTheTruncatedCdf(double q, double a, double b)
    {
        var x = TruncatedNormal.Ppf(q, a, b);

        Assert.InRange(x, a, b);
        var reached = Math.Exp(TruncatedNormal.LogGaussMass(a, x) - TruncatedNormal.LogGaussMass(a, b));
        Assert.Equal(q, reached, 1e-7);
    }
}
