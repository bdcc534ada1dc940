using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Grid;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Grid;

public class GridSamplerValidationTests
{
    private static readonly SearchSpace Continuous = SearchSpace.Create(
    [
        new("learning_rate", new FloatDistribution(1e-4, 1e-1, Log: true)),
        new("layers", new IntDistribution(1, 4)),
        new("dropout", new FloatDistribution(0, 0.5)),
    ]);

    [Fact]
    public void Validate_NamesEachContinuousFloat_WithTheRuleAndTheFix()
    {
        Assert.Equal(
            [
                "grid sampling needs a finite grid, but 'learning_rate' is a continuous float; give it a step or make it categorical",
                "grid sampling needs a finite grid, but 'dropout' is a continuous float; give it a step or make it categorical",
            ],
            GridSampler.Validate(Continuous));
    }

    [Fact]
    public void SampleAndGridSize_Throw_WithEveryProblem_ForAContinuousSpace()
    {
        var sample = Assert.Throws<ArgumentException>(() => new GridSampler(1).Sample(new SamplingContext(Continuous, StudyDirection.Minimize, [], 0)));
        var size = Assert.Throws<ArgumentException>(() => GridSampler.GridSize(Continuous));

        foreach (var message in new[] { sample.Message, size.Message })
        {
            Assert.Contains("'learning_rate' is a continuous float", message);
            Assert.Contains("'dropout' is a continuous float", message);
        }
    }

    [Fact]
    public void Validate_AcceptsStepsChoicesIntsAndSinglePointFloats()
    {
        var space = SearchSpace.Create(
        [
            new("a", new FloatDistribution(0.1, 0.1)),
            new("b", new FloatDistribution(0, 1, Step: 0.3)),
            new("c", new IntDistribution(1, 64, Log: true)),
            new("d", new CategoricalDistribution([true, false])),
        ]);

        Assert.Empty(GridSampler.Validate(space));
        Assert.Equal(1 * 4 * 64 * 2, GridSampler.GridSize(space));
    }

    [Fact]
    public void Validate_RejectsGridsAbove2To62Points()
    {
        var space = SearchSpace.Create(
        [
            new("a", new IntDistribution(0, 1L << 40)),
            new("b", new IntDistribution(0, 1L << 40)),
        ]);

        Assert.Equal(["grid sampling supports at most 4611686018427387904 grid points, but the search space has more; use fewer values or another sampler"], GridSampler.Validate(space));
    }
}
