using Tuner.Search.Samplers.Tpe;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeBandwidthTests
{
    private static readonly TpeDimension Float = new(new ParameterSpec("x", new FloatDistribution(0, 10)));

    [Fact]
    public void Univariate_UsesTheLargerNeighbourGap_ThenTheMagicClip()
    {
        // Sorted with the range ends: 0 | 1 2 6 | 10. Gaps: 1 -> max(1, 1); 2 -> max(1, 4); 6 -> max(4, 4); without
        // ConsiderEndpoints the outer kernels take their inner gap (1 and 4). Magic clip: at least 10 / (1 + 4) = 2.
        var kernels = TpeBandwidth.Kernels(Float, [6, 1, 2], 1, new TpeOptions());

        Assert.Equal([4.0, 2.0, 4.0, 10.0], kernels.Sigmas);
        Assert.Equal([6.0, 1.0, 2.0, 5.0], kernels.Means);
    }

    [Fact]
    public void Univariate_LetsRangeEndsWiden_WithConsiderEndpoints()
    {
        var kernels = TpeBandwidth.Kernels(Float, [6, 1, 2], 1, new TpeOptions(ConsiderEndpoints: true, ConsiderMagicClip: false));

        Assert.Equal([4.0, 1.0, 4.0, 10.0], kernels.Sigmas);
    }

    [Fact]
    public void Multivariate_UsesScottsRule_ForEveryKernel()
    {
        var observations = Enumerable.Range(0, 200).Select(i => i / 20.0).ToArray();

        var kernels = TpeBandwidth.Kernels(Float, observations, 3, new TpeOptions(Multivariate: true));

        var expected = 0.2 * Math.Pow(200, -1.0 / 7) * 10;
        Assert.All(kernels.Sigmas.Take(200), s => Assert.Equal(expected, s, 1e-12));
        Assert.Equal(10.0, kernels.Sigmas[200]);
    }

    [Fact]
    public void LogInt_WorksInLogSpace_WithHalfStepCells()
    {
        var dimension = new TpeDimension(new ParameterSpec("n", new IntDistribution(1, 1000, Log: true)));

        var kernels = TpeBandwidth.Kernels(dimension, [10, 100], 1, new TpeOptions());

        Assert.Equal(Math.Log(0.5), dimension.AdaptedLow, 1e-12);
        Assert.Equal(Math.Log(1000.5), dimension.AdaptedHigh, 1e-12);
        Assert.Equal(Math.Log(10), kernels.Means[0], 1e-12);
        Assert.Equal(0.5 * (Math.Log(0.5) + Math.Log(1000.5)), kernels.Means[2], 1e-12);
        Assert.Equal(100L, dimension.ToExternal(dimension.FromAdapted(Math.Log(100.3))));
    }

    [Fact]
    public void SteppedFloat_SnapsToTheGrid_WhoseLastPointIsBelowHigh()
    {
        var dimension = new TpeDimension(new ParameterSpec("d", new FloatDistribution(0, 1, Step: 0.3)));

        Assert.Equal(0.9, dimension.High, 1e-12);
        Assert.Equal(0.9 + 0.15, dimension.AdaptedHigh, 1e-12);
        Assert.Equal(0.6, (double)dimension.ToExternal(dimension.FromAdapted(0.7)), 1e-12);
        Assert.Equal(0.9, (double)dimension.ToExternal(dimension.FromAdapted(1.04)), 1e-12);
    }
}
