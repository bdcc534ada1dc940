using MathNet.Numerics;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class ErfTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-10)]
    [InlineData(-0.3)]
    [InlineData(0.8)]
    [InlineData(-1.1)]
    [InlineData(2.0)]
    [InlineData(-4.5)]
    [InlineData(5.9)]
    [InlineData(7.0)]
    public void Of_MatchesMathNet(double x)
    {
        Assert.Equal(SpecialFunctions.Erf(x), Erf.Of(x), 1e-15);
    }

    [Theory]
    [InlineData(-0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(-1.2)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    [InlineData(10.0)]
    [InlineData(26.0)]
    [InlineData(-7.0)]
    public void Complement_MatchesMathNet_ToRelativePrecision(double x)
    {
        Assert.Equal(1.0, Erf.Complement(x) / SpecialFunctions.Erfc(x), 1e-14);
    }
}
