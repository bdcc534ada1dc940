using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers;

public class RandomSamplerDistributionTests
{
    [Fact]
    public void Sample_StaysInsideBounds_ForFloat()
    {
        var values = SamplerRuns.DrawOne<double>(new FloatDistribution(-2.5, 7.5));
        Assert.All(values, v => Assert.InRange(v, -2.5, 7.5));
        Assert.InRange(values.Count(v => v < 2.5) / 1000.0, 0.42, 0.58);
    }

    [Fact]
    public void Sample_IsUniformInLogSpace_ForLogFloat()
    {
        var values = SamplerRuns.DrawOne<double>(new FloatDistribution(1e-4, 1e-1, Log: true));
        Assert.All(values, v => Assert.InRange(v, 1e-4, 1e-1));

        // Each decade holds about a third of the draws; a linear draw would put 99% in the top decade.
        Assert.InRange(values.Count(v => v < 1e-3) / 1000.0, 0.26, 0.41);
        Assert.InRange(values.Count(v => v >= 1e-2) / 1000.0, 0.26, 0.41);
    }

    [Fact]
    public void Sample_StaysOnGrid_ForSteppedFloat()
    {
        var distribution = new FloatDistribution(0.1, 1.0, Step: 0.2);
        var values = SamplerRuns.DrawOne<double>(distribution);

        Assert.All(values, v => Assert.True(distribution.Contains(v), $"{v} is off the grid"));
        var grid = values.Select(v => Math.Round((v - 0.1) / 0.2)).Distinct().Order();
        Assert.Equal([0.0, 1.0, 2.0, 3.0, 4.0], grid);
    }

    [Fact]
    public void Sample_ReachesBothEnds_ForIntRange()
    {
        var values = SamplerRuns.DrawOne<long>(new IntDistribution(-3, 3));
        Assert.Equal([-3L, -2L, -1L, 0L, 1L, 2L, 3L], values.Distinct().Order());
    }

    [Fact]
    public void Sample_StaysOnGrid_ForSteppedInt()
    {
        var values = SamplerRuns.DrawOne<long>(new IntDistribution(1, 11, Step: 3));
        Assert.Equal([1L, 4L, 7L, 10L], values.Distinct().Order());
    }

    [Fact]
    public void Sample_IsUniformInLogSpace_ForLogInt()
    {
        var values = SamplerRuns.DrawOne<long>(new IntDistribution(1, 1000, Log: true));
        Assert.All(values, v => Assert.InRange(v, 1L, 1000L));

        // P(v <= 31) = ln(31.5 / 0.5) / ln(1000.5 / 0.5) ≈ 0.545; a linear draw would give 0.031.
        Assert.InRange(values.Count(v => v <= 31) / 1000.0, 0.47, 0.62);
        Assert.Contains(1L, values);
        Assert.Contains(values, v => v > 500);
    }

    [Fact]
    public void Sample_ReturnsEachChoice_ForCategorical()
    {
        var values = SamplerRuns.DrawOne<string>(new CategoricalDistribution(["adam", "sgd", "rmsprop"]));
        Assert.Equal(["adam", "rmsprop", "sgd"], values.Distinct().Order());
        Assert.All(values.GroupBy(v => v), g => Assert.InRange(g.Count(), 270, 400));
    }

    [Fact]
    public void Sample_ReturnsTheChoiceItself_ForNumericCategorical()
    {
        var values = SamplerRuns.DrawOne<long>(new CategoricalDistribution([32, 64, 128, 256]));
        Assert.Equal([32L, 64L, 128L, 256L], values.Distinct().Order());
    }

    [Fact]
    public void Sample_ReturnsTheOnlyValue_WhenLowEqualsHigh()
    {
        Assert.All(SamplerRuns.DrawOne<double>(new FloatDistribution(0.3, 0.3), count: 20), v => Assert.Equal(0.3, v));
        Assert.All(SamplerRuns.DrawOne<long>(new IntDistribution(5, 5), count: 20), v => Assert.Equal(5L, v));
    }
}
