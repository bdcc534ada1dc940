using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Auto;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Auto;

public sealed class AutoSamplerTests
{
    private static readonly SearchSpace Numeric = SearchSpace.Create(
    [
        new ParameterSpec("x", new FloatDistribution(-5, 10)),
        new ParameterSpec("n", new IntDistribution(1, 8)),
    ]);

    private static readonly SearchSpace Conditional = SearchSpace.Create(
    [
        new ParameterSpec("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new ParameterSpec("lr", new FloatDistribution(1e-4, 1e-1, Log: true)),
        new ParameterSpec("momentum", new FloatDistribution(0.5, 0.99), new ParameterCondition("optimizer", ["sgd"])),
    ]);

    private static readonly SearchSpace MostlyCategorical = SearchSpace.Create(
    [
        new ParameterSpec("activation", new CategoricalDistribution(["relu", "tanh"])),
        new ParameterSpec("norm", new CategoricalDistribution([true, false])),
        new ParameterSpec("lr", new FloatDistribution(1e-4, 1e-1, Log: true)),
    ]);

    private static SamplingContext WithFinished(SearchSpace space, int finished)
    {
        var sampler = new RandomSampler(1);
        var trials = new List<FrozenTrial>();
        for (var i = 0; i < finished; i++)
        {
            var parameters = sampler.Sample(new SamplingContext(space, StudyDirection.Minimize, trials, i));
            trials.Add(new FrozenTrial(i, TrialState.Complete, parameters, new Dictionary<int, double>(), i % 7));
        }

        return new SamplingContext(space, StudyDirection.Minimize, trials, finished);
    }

    [Fact]
    public void Choose_PicksGp_ForANumericSpaceWithAModestHistory()
    {
        Assert.Equal(AutoChoice.Gp, AutoSampler.Choose(WithFinished(Numeric, 20)));
    }

    [Fact]
    public void Choose_PicksTpe_ForANumericSpaceOnceGpWouldGrowSlow()
    {
        Assert.Equal(AutoChoice.Tpe, AutoSampler.Choose(WithFinished(Numeric, AutoSampler.GpTrialLimit)));
    }

    [Fact]
    public void Choose_PicksTpe_ForConditionalOrMostlyCategoricalSpaces()
    {
        Assert.Equal(AutoChoice.Tpe, AutoSampler.Choose(WithFinished(Conditional, 20)));
        Assert.Equal(AutoChoice.Tpe, AutoSampler.Choose(WithFinished(MostlyCategorical, 20)));
    }

    [Fact]
    public void Sample_GivesTheSameSuggestion_ForTheSameSeedAndHistory()
    {
        var context = WithFinished(Conditional, 15);
        Assert.Equal(new AutoSampler(9).Sample(context), new AutoSampler(9).Sample(context));
    }

    [Fact]
    public void Sample_KeepsConditionalParametersToTheirBranch()
    {
        var sampler = new AutoSampler(4);
        for (var finished = 0; finished < 30; finished += 3)
        {
            var suggestion = sampler.Sample(WithFinished(Conditional, finished));
            Assert.Equal(suggestion["optimizer"] is "sgd", suggestion.ContainsKey("momentum"));
            Assert.Empty(Conditional.CheckAssignment(suggestion));
        }
    }
}
