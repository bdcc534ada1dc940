using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

public class FloatDistributionTests
{
    [Fact]
    public void Validate_IsEmpty_ForValidRanges()
    {
        Assert.Empty(new FloatDistribution(0, 1).Validate());
        Assert.Empty(new FloatDistribution(1e-4, 1e-1, Log: true).Validate());
        Assert.Empty(new FloatDistribution(0, 1, Step: 0.1).Validate());
        Assert.Empty(new FloatDistribution(3, 3).Validate());
    }

    [Fact]
    public void Validate_NamesBothBounds_WhenLowExceedsHigh()
    {
        var problem = Assert.Single(new FloatDistribution(5, 1).Validate());
        Assert.Equal("low must be less than or equal to high, but got low=5, high=1", problem);
    }

    [Fact]
    public void Validate_RejectsLogScale_WhenLowIsNotPositive()
    {
        var problem = Assert.Single(new FloatDistribution(0, 1, Log: true).Validate());
        Assert.Equal("log scale needs low > 0, but got low=0", problem);
    }

    [Fact]
    public void Validate_ListsEveryProblem_WhenSeveralRulesBreak()
    {
        var problems = new FloatDistribution(-1, -2, Log: true, Step: 0).Validate();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("low=-1, high=-2"));
        Assert.Contains(problems, p => p.StartsWith("log scale needs low > 0"));
        Assert.Contains(problems, p => p == "step must be a finite number greater than 0, but got step=0");
        Assert.Contains(problems, p => p == "step cannot be combined with log scale, but got step=0, log=true");
    }

    [Fact]
    public void Validate_RejectsInfiniteBounds()
    {
        var problem = Assert.Single(new FloatDistribution(double.NegativeInfinity, 1).Validate());
        Assert.Contains("must be finite", problem);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.5, true)]
    [InlineData(1.0, true)]
    [InlineData(-0.001, false)]
    [InlineData(1.001, false)]
    [InlineData(double.NaN, false)]
    public void Contains_ChecksBounds(double value, bool expected) =>
        Assert.Equal(expected, new FloatDistribution(0, 1).Contains(value));

    [Fact]
    public void Contains_ChecksStepGrid()
    {
        var distribution = new FloatDistribution(0, 1, Step: 0.1);
        Assert.True(distribution.Contains(0.3));
        Assert.True(distribution.Contains(0.1 + 0.2));
        Assert.False(distribution.Contains(0.35));
    }

    [Fact]
    public void Contains_AcceptsIntegersAndRejectsText()
    {
        var distribution = new FloatDistribution(0, 10);
        Assert.True(distribution.Contains(3));
        Assert.True(distribution.Contains(3L));
        Assert.False(distribution.Contains("3"));
        Assert.False(distribution.Contains(true));
    }

    [Fact]
    public void ToInternal_RoundTripsExactly_ForLogScale()
    {
        var distribution = new FloatDistribution(1e-4, 1e-1, Log: true);
        var internalValue = distribution.ToInternal(0.001);
        Assert.Equal(0.001, (double)distribution.ToExternal(internalValue));
    }

    [Fact]
    public void ToInternal_Throws_ForText()
    {
        var error = Assert.Throws<ArgumentException>(() => new FloatDistribution(0, 1).ToInternal("high"));
        Assert.Contains("'high'", error.Message);
    }
}
