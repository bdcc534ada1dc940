using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Studies;

public class StudyAskTests
{
    private static readonly SearchSpace Space = SearchSpace.Create([new("x", new FloatDistribution(0, 1))]);

    [Fact]
    public void Ask_ShowsTheSamplerPendingTrials_AndTheNextNumber()
    {
        var sampler = new RecordingSampler(new RandomSampler(1));
        var study = new Study(Space, StudyDirection.Minimize, sampler, new NopPruner());

        var first = study.Ask();
        var second = study.Ask();
        study.Tell(first.Number, TrialState.Complete, 0.2);
        study.Ask();

        Assert.Equal([0, 1, 2], sampler.Contexts.Select(c => c.TrialNumber));
        Assert.Equal([TrialState.Running], sampler.Contexts[1].Trials.Select(t => t.State));
        Assert.Equal([TrialState.Complete, TrialState.Running], sampler.Contexts[2].Trials.Select(t => t.State));
        Assert.Equal(second.Params, sampler.Contexts[2].Trials[1].Params);
    }

    [Fact]
    public void Ask_GivesTheSameParams_AsASecondStudyWithTheSameSeed()
    {
        var a = new Study(Space, StudyDirection.Minimize, new RandomSampler(9), new NopPruner());
        var b = new Study(Space, StudyDirection.Minimize, new RandomSampler(9), new NopPruner());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(a.Ask().Params, b.Ask().Params);
        }
    }

    [Fact]
    public void Ask_Throws_WhenTheSamplerSuggestsParamsOutsideTheSpace()
    {
        var study = new Study(Space, StudyDirection.Minimize, new FixedSampler(new Dictionary<string, object> { ["x"] = 2.0 }), new NopPruner());
        var error = Assert.Throws<InvalidOperationException>(() => study.Ask());
        Assert.Contains("x: value 2 is not inside float [0, 1]", error.Message);
        Assert.Empty(study.Trials);
    }

    private sealed class RecordingSampler(ISampler inner) : ISampler
    {
        public List<SamplingContext> Contexts { get; } = [];

        public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
        {
            Contexts.Add(context);
            return inner.Sample(context);
        }
    }

    private sealed class FixedSampler(IReadOnlyDictionary<string, object> parameters) : ISampler
    {
        public IReadOnlyDictionary<string, object> Sample(SamplingContext context) => parameters;
    }
}
