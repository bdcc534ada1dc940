using Tuner.Search.Benchmarks;
using Tuner.Benchmarks.Search;
using Tuner.Search.Samplers;

namespace Tuner.Benchmarks.Tests.Search;

public class SearchRunnerTests
{
    [Fact]
    public void Run_FindsTheBestOfItsTrials_OnAConditionalSpace()
    {
        var function = new MixedFunction();

        var result = SearchRunner.Run(function, "random", SamplerCatalog.Create("random", 3), 25, 3);

        Assert.Equal("mixed", result.Function);
        Assert.Equal(7, result.Dims);
        Assert.Equal(25, result.Trials);
        Assert.True(result.Best >= function.KnownMinimum);
        Assert.Equal(result.Best - function.KnownMinimum, result.Regret);
    }
}
