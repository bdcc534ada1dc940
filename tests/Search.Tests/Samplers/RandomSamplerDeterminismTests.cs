using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers;

public class RandomSamplerDeterminismTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new("learning_rate", new FloatDistribution(1e-4, 1e-1, Log: true)),
        new("hidden_units", new IntDistribution(32, 512, Log: true)),
        new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new("dropout", new FloatDistribution(0, 0.5, Step: 0.05)),
    ]);

    // The values seed 42 gives trial 0; a change here breaks every stored study's reproducibility.
    private const double PinnedLearningRate = 0.00011212874804920887;
    private const long PinnedHiddenUnits = 112;
    private const string PinnedOptimizer = "sgd";

    private static readonly FrozenTrial[] History =
    [
        new(0, TrialState.Complete, new Dictionary<string, object> { ["optimizer"] = "adam" }, new Dictionary<int, double>(), 0.5),
        new(1, TrialState.Running, new Dictionary<string, object> { ["optimizer"] = "sgd" }, new Dictionary<int, double>(), null),
    ];

    [Fact]
    public void Sample_ReturnsDifferentParams_ForDifferentTrialNumbers()
    {
        var sampler = new RandomSampler(42);
        var samples = Enumerable.Range(0, 50)
            .Select(n => (double)sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, History, n))["learning_rate"]);
        Assert.Equal(50, samples.Distinct().Count());
    }

    [Fact]
    public void Sample_IgnoresTheHistory_AsReadsHistorySays()
    {
        var sampler = new RandomSampler(42);
        var withHistory = sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, History, 2));
        var without = sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, [], 2));
        Assert.False(((ISampler)sampler).ReadsHistory);
        Assert.Equal(withHistory, without);
    }

    [Fact]
    public void Sample_ReturnsDifferentParams_ForDifferentSeeds()
    {
        var a = new RandomSampler(1).Sample(new SamplingContext(Space, StudyDirection.Minimize, [], 0));
        var b = new RandomSampler(2).Sample(new SamplingContext(Space, StudyDirection.Minimize, [], 0));
        Assert.NotEqual(a["learning_rate"], b["learning_rate"]);
    }

    [Fact]
    public void Sample_KeepsAParametersValue_WhenAnotherParameterIsAdded()
    {
        var wider = SearchSpace.Create([.. Space.Parameters, new("momentum", new FloatDistribution(0.5, 0.99))]);
        var sampler = new RandomSampler(42);
        var before = sampler.Sample(new SamplingContext(Space, StudyDirection.Minimize, [], 5));
        var after = sampler.Sample(new SamplingContext(wider, StudyDirection.Minimize, [], 5));
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    [Fact]
    public void Sample_MatchesPinnedValues_SoSuggestionsSurviveRestartsAndUpgrades()
    {
        var sample = new RandomSampler(42).Sample(new SamplingContext(Space, StudyDirection.Minimize, [], 0));
        Assert.Equal(PinnedLearningRate, (double)sample["learning_rate"]);
        Assert.Equal(PinnedHiddenUnits, sample["hidden_units"]);
        Assert.Equal(PinnedOptimizer, sample["optimizer"]);
    }
}
