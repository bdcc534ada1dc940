using Tuner.Search.Pruners;
using Tuner.Search.Pruners.Threshold;

namespace Tuner.Search.Tests.Pruners.Threshold;

/// <summary>The cases of Optuna's tests/pruners_tests/test_threshold.py, plus infinities, warm-up and interval.</summary>
public class ThresholdPrunerTests
{
    private static bool[] Run(IPruner pruner, params double[] values)
    {
        var reported = new List<(int, double)>();
        return values.Select((value, i) =>
        {
            reported.Add((i + 1, value));
            var trial = Trials.Running(0, [.. reported]);
            return pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [trial], trial));
        }).ToArray();
    }

    [Fact]
    public void ShouldPrune_IsTrue_AboveUpper()
    {
        Assert.Equal([false, true], Run(new ThresholdPruner(upper: 2), 1, 3));
    }

    [Fact]
    public void ShouldPrune_IsTrue_BelowLower()
    {
        Assert.Equal([false, true], Run(new ThresholdPruner(lower: 2), 3, 1));
    }

    [Fact]
    public void ShouldPrune_IsTrue_OutsideBothBounds_AndFalseOnThem()
    {
        Assert.Equal([true, false, false, false, true], Run(new ThresholdPruner(0, 1), -0.1, 0, 0.4, 1, 1.1));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ShouldPrune_IsTrue_ForNaNAndInfinities_EvenWithoutBounds(double value)
    {
        Assert.Equal([false, true], Run(new ThresholdPruner(), 1, value));
        Assert.Equal([false, true], Run(new ThresholdPruner(lower: -5), 1, value));
    }

    [Fact]
    public void ShouldPrune_WaitsForWarmup_AndChecksOncePerInterval()
    {
        // Steps 1..7; warm-up 2 and interval 3: checks at steps 2 and 5 only.
        var pruner = new ThresholdPruner(upper: 0, warmupSteps: 2, intervalSteps: 3);
        Assert.Equal([false, true, false, false, true, false, false], Run(pruner, 1, 1, 1, 1, 1, 1, 1));
    }

    [Fact]
    public void Constructor_RejectsBadSettings_NamingValueAndRule()
    {
        Assert.Contains("lower must be less than or equal to upper, but got lower=2, upper=1", Assert.Throws<ArgumentException>(() => new ThresholdPruner(2, 1)).Message);
        Assert.Contains("lower and upper must be numbers, but got lower=NaN", Assert.Throws<ArgumentException>(() => new ThresholdPruner(double.NaN)).Message);
        Assert.Contains("warmupSteps must not be negative, but got warmupSteps=-1", Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPruner(0, 1, -1)).Message);
        Assert.Contains("intervalSteps must be at least 1, but got intervalSteps=0", Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPruner(0, 1, 0, 0)).Message);
    }
}
