using Tuner.Search.Samplers;

namespace Tuner.Search.Tests.Samplers;

public class TrialRandomTests
{
    [Fact]
    public void NextUInt64_StaysInsideInclusiveBound_AndReachesIt()
    {
        var random = TrialRandom.For(1, 2, "x");
        var draws = Enumerable.Range(0, 1000).Select(_ => random.NextUInt64(4)).ToList();
        Assert.Equal([0UL, 1UL, 2UL, 3UL, 4UL], draws.Distinct().Order());
    }

    [Fact]
    public void NextDouble_StaysInUnitInterval()
    {
        var random = TrialRandom.For(-5, 0, "y");
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), d => Assert.InRange(d, 0.0, 0.9999999999999999));
    }

    [Fact]
    public void For_GivesIndependentStreams_PerStreamName()
    {
        Assert.NotEqual(TrialRandom.For(1, 0, "a").NextUInt64(), TrialRandom.For(1, 0, "b").NextUInt64());
        Assert.Equal(TrialRandom.For(1, 0, "a").NextUInt64(), TrialRandom.For(1, 0, "a").NextUInt64());
    }
}
