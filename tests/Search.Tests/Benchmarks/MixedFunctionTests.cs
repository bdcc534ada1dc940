using Tuner.Search.Benchmarks;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Benchmarks;

public class MixedFunctionTests
{
    private readonly MixedFunction function = new();

    [Fact]
    public void Space_HasMomentumOnlyForSgd()
    {
        var momentum = function.Space.Find("momentum")!;

        Assert.True(function.Space.IsActive(momentum, new Dictionary<string, object> { ["optimizer"] = "sgd" }));
        Assert.False(function.Space.IsActive(momentum, new Dictionary<string, object> { ["optimizer"] = "adam" }));
    }

    [Fact]
    public void Space_MixesFloatsIntsAndCategoricals()
    {
        var kinds = function.Space.Parameters.Select(p => p.Distribution.GetType()).Distinct();

        Assert.Equal([typeof(CategoricalDistribution), typeof(FloatDistribution), typeof(IntDistribution)], kinds.OrderBy(t => t.Name));
    }

    [Theory]
    [InlineData("sgd", 0.5, 0.003, 5L, 100L, "tanh", false, 2.547314785667173)]
    [InlineData("rmsprop", null, 0.2, 1L, 1024L, "sigmoid", true, 10.845769036609362)]
    public void Evaluate_MatchesTheOptunaScript(
        string optimizer, double? momentum, double lr, long layers, long units, string activation, bool batchNorm, double expected)
    {
        var point = new Dictionary<string, object>
        {
            ["optimizer"] = optimizer, ["lr"] = lr, ["layers"] = layers, ["units"] = units, ["activation"] = activation, ["batch_norm"] = batchNorm,
        };
        if (momentum is { } m)
        {
            point["momentum"] = m;
        }

        Assert.Equal(expected, function.Evaluate(point), 1e-9);
    }

    [Fact]
    public void Evaluate_GivesPointThree_AtTheBestPointWithoutTheConditionalBranch()
    {
        var adam = new Dictionary<string, object>
        {
            ["optimizer"] = "adam", ["lr"] = 0.001, ["layers"] = 3L, ["units"] = 256L, ["activation"] = "relu", ["batch_norm"] = true,
        };

        Assert.Equal(0.3, function.Evaluate(adam), 1e-12);
    }
}
