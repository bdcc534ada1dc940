using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeSamplerDeterminismTests
{
    private static readonly IReadOnlyList<FrozenTrial> History =
        TpeHistories.Run(new TpeSampler(21, TpeModes.Options("group")), TpeSpaces.Mixed, TpeSpaces.MixedValue, 30, pending: 2).Trials;

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Sample_ReturnsSameParams_WhenSeedAndHistoryMatch(string mode)
    {
        var first = new TpeSampler(42, TpeModes.Options(mode)).Sample(new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History, 30));
        var second = new TpeSampler(42, TpeModes.Options(mode)).Sample(new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History.Reverse().ToList(), 30));

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Sample_ReturnsDifferentParams_ForDifferentTrialNumbersAndSeeds(string mode)
    {
        var sampler = new TpeSampler(42, TpeModes.Options(mode));
        var byNumber = Enumerable.Range(30, 20)
            .Select(n => (double)sampler.Sample(new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History, n))["lr"]);
        var otherSeed = new TpeSampler(43, TpeModes.Options(mode)).Sample(new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History, 30));

        Assert.True(byNumber.Distinct().Count() >= 15);
        Assert.NotEqual(sampler.Sample(new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History, 30))["lr"], otherSeed["lr"]);
    }

    [Fact]
    public void Sample_MatchesRandomSampler_DuringStartupTrials()
    {
        var tpe = new TpeSampler(9, new TpeOptions(StartupTrials: 40));
        var random = new RandomSampler(9);
        var context = new SamplingContext(TpeSpaces.Mixed, StudyDirection.Minimize, History, 30);

        Assert.Equal(random.Sample(context), tpe.Sample(context));
    }

    [Fact]
    public void Sample_IgnoresFailedTrials_WhenCountingStartupTrials()
    {
        var failed = Enumerable.Range(0, 20).Select(n => TpeHistories.Trial(n, TrialState.Failed, null, ("x1", 1.0), ("x2", 1.0))).ToList();
        var context = new SamplingContext(TpeSpaces.Branin, StudyDirection.Minimize, failed, 20);

        Assert.Equal(new RandomSampler(4).Sample(context), new TpeSampler(4).Sample(context));
    }
}
