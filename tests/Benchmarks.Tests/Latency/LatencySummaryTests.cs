using Tuner.Benchmarks.Latency;

namespace Tuner.Benchmarks.Tests.Latency;

public class LatencySummaryTests
{
    [Fact]
    public void Of_InterpolatesLikeNumpyPercentile()
    {
        // numpy.percentile([4, 1, 3, 2, 10], [50, 99]) == [3.0, 9.76]
        var summary = LatencySummary.Of([4.0, 1, 3, 2, 10]);

        Assert.Equal(3.0, summary.MedianMs, 12);
        Assert.Equal(9.76, summary.P99Ms, 12);
    }

    [Fact]
    public void Of_Throws_ForNoTimes()
    {
        var problem = Assert.Throws<ArgumentException>(() => LatencySummary.Of([]));

        Assert.Contains("at least one ask time", problem.Message, StringComparison.Ordinal);
    }
}
