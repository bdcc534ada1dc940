using Tuner.Search.Samplers.Gp;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Gp;

public class GpSamplerBraninTests
{
    private const double BraninMinimum = 0.397887;

    [Fact]
    public void Gp_FindsBraninsMinimum_WithinRegret005_In40Trials_MedianOverFiveSeeds()
    {
        var space = SearchSpace.Create([new("x1", new FloatDistribution(-5, 10)), new("x2", new FloatDistribution(0, 15))]);
        var regrets = Enumerable.Range(0, 5)
            .Select(seed => GpStudies.Run(space, new GpSampler(seed), 40, p => GpStudies.Branin((double)p["x1"], (double)p["x2"])))
            .Select(study => study.BestTrial!.Value!.Value - BraninMinimum)
            .Order()
            .ToList();

        Assert.True(regrets[2] <= 0.05, $"median regret must be at most 0.05, but got {regrets[2]} (all: {string.Join(", ", regrets)})");
    }
}
