using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

public class IntDistributionTests
{
    [Fact]
    public void Validate_IsEmpty_ForValidRanges()
    {
        Assert.Empty(new IntDistribution(32, 512, Log: true).Validate());
        Assert.Empty(new IntDistribution(0, 10, Step: 3).Validate());
    }

    [Fact]
    public void Validate_ListsEveryProblem_WhenSeveralRulesBreak()
    {
        var problems = new IntDistribution(0, -5, Log: true, Step: 0).Validate();
        Assert.Equal(
            [
                "low must be less than or equal to high, but got low=0, high=-5",
                "log scale needs low > 0, but got low=0",
                "step must be at least 1, but got step=0",
                "step cannot be combined with log scale, but got step=0, log=true",
            ],
            problems);
    }

    [Fact]
    public void Contains_AcceptsIntLongAndIntegralDouble()
    {
        var distribution = new IntDistribution(0, 10);
        Assert.True(distribution.Contains(4));
        Assert.True(distribution.Contains(4L));
        Assert.True(distribution.Contains(4.0));
        Assert.False(distribution.Contains(4.5));
        Assert.False(distribution.Contains(11L));
        Assert.False(distribution.Contains("4"));
    }

    [Fact]
    public void Contains_ChecksStepGrid()
    {
        var distribution = new IntDistribution(1, 10, Step: 3);
        Assert.True(distribution.Contains(7L));
        Assert.False(distribution.Contains(6L));
        Assert.False(distribution.Contains(13L));
    }

    [Fact]
    public void ToInternal_AcceptsIntegralDouble_AndRoundTripsToLong()
    {
        var distribution = new IntDistribution(0, 100);
        Assert.Equal(64.0, distribution.ToInternal(64.0));
        Assert.Equal(64L, distribution.ToExternal(distribution.ToInternal(64)));
    }

    [Fact]
    public void ToInternal_Throws_ForFractionalValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new IntDistribution(0, 10).ToInternal(2.5));
        Assert.Contains("2.5", error.Message);
    }
}
