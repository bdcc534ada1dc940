using Tuner.Search.Pruners;

namespace Tuner.Search.Tests.Pruners;

/// <summary>The cases of Optuna's tests/pruners_tests/test_percentile.py.</summary>
public class PercentilePrunerTests
{
    [Theory]
    [InlineData(StudyDirection.Minimize, 2.1)]
    [InlineData(StudyDirection.Maximize, 3.9)]
    public void ShouldPrune_IsTrue_WhenOutsideTheKeptQuarter(StudyDirection direction, double latest)
    {
        var pruner = new PercentilePruner(25, 0, 0);
        var completed = new[] { 1.0, 2, 3, 4, 5 }.Select((v, i) => Trials.Complete(i, (1, v))).ToList();

        var empty = Trials.Running(5);
        Assert.False(pruner.ShouldPrune(new PruningContext(direction, completed, empty)));

        var trial = Trials.Running(5, (1, latest));
        Assert.True(pruner.ShouldPrune(new PruningContext(direction, completed, trial)));
    }

    [Theory]
    [InlineData(StudyDirection.Minimize, 1.9)]
    [InlineData(StudyDirection.Maximize, 4.1)]
    public void ShouldPrune_IsFalse_WhenInsideTheKeptQuarter(StudyDirection direction, double latest)
    {
        var completed = new[] { 1.0, 2, 3, 4, 5 }.Select((v, i) => Trials.Complete(i, (1, v))).ToList();
        var trial = Trials.Running(5, (1, latest));
        Assert.False(new PercentilePruner(25, 0, 0).ShouldPrune(new PruningContext(direction, completed, trial)));
    }

    [Theory]
    [InlineData(StudyDirection.Minimize, 0.1)]
    [InlineData(StudyDirection.Maximize, 0.2)]
    public void BestOverSteps_PicksTheBestByDirection(StudyDirection direction, double expected)
    {
        Assert.Equal(expected, PercentileMath.BestOverSteps([0.1, 0.2], direction));
        Assert.Equal(0.3, PercentileMath.BestOverSteps([0.3, double.NaN], direction));
        Assert.True(double.IsNaN(PercentileMath.BestOverSteps([double.NaN], direction)));
    }

    [Fact]
    public void NanPercentile_InterpolatesLikeNumpy_AndIgnoresNaN()
    {
        Assert.Equal(0.3, PercentileMath.NanPercentile([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], 25));
        Assert.Equal(0.2, PercentileMath.NanPercentile([0.1, 0.2, 0.3, 0.4, 0.5, double.NaN, double.NaN, double.NaN, double.NaN], 25));
        Assert.True(double.IsNaN(PercentileMath.NanPercentile([double.NaN, double.NaN], 75)));
        Assert.Equal(1.75, PercentileMath.NanPercentile([4.0, 1, 2, 3], 25));
        Assert.Equal(2.5, PercentileMath.NanPercentile([1.0, 2, 3, 4], 50));
    }

    [Theory]
    [InlineData(-0.1, 5, 0, 1, 1, "percentile")]
    [InlineData(100.1, 5, 0, 1, 1, "percentile")]
    [InlineData(double.NaN, 5, 0, 1, 1, "percentile")]
    [InlineData(50, -1, 0, 1, 1, "startupTrials")]
    [InlineData(50, 5, -1, 1, 1, "warmupSteps")]
    [InlineData(50, 5, 0, 0, 1, "intervalSteps")]
    [InlineData(50, 5, 0, 1, 0, "minTrials")]
    public void Constructor_Throws_NamingTheValueAndTheRule(double percentile, int startup, int warmup, int interval, int minTrials, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PercentilePruner(percentile, startup, warmup, interval, minTrials));
        Assert.Equal(name, error.ParamName);
        Assert.Contains($"but got {name}=", error.Message);
    }

    [Fact]
    public void Constructor_AcceptsPercentileBounds()
    {
        Assert.Equal(0, new PercentilePruner(0).Percentile);
        Assert.Equal(100, new PercentilePruner(100).Percentile);
    }
}
