using Tuner.Search.Benchmarks;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Benchmarks;

public class FunctionCatalogTests
{
    public static TheoryData<string> AllFunctions() =>
        ["branin", "hartmann3", "hartmann6", "six_hump_camel", "mixed", "rosenbrock:2", "rosenbrock:4", "styblinski_tang:1",
         "styblinski_tang:5", "ackley:1", "ackley:10", "levy:1", "levy:6", "griewank:2", "griewank:8"];

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void Evaluate_ReachesKnownMinimum_AtKnownArgmin(string name)
    {
        var function = FunctionCatalog.Create(name);

        var value = function.Evaluate(function.KnownArgmin);

        Assert.True(
            Math.Abs(value - function.KnownMinimum) <= 1e-4 * Math.Max(1, Math.Abs(function.KnownMinimum)),
            $"{name}: f(argmin)={value}, known minimum {function.KnownMinimum}");
    }

    [Theory]
    [InlineData("branin", 0.397887)]
    [InlineData("hartmann3", -3.86278)]
    [InlineData("hartmann6", -3.32237)]
    [InlineData("six_hump_camel", -1.0316)]
    [InlineData("mixed", 0)]
    [InlineData("rosenbrock:4", 0)]
    [InlineData("styblinski_tang:1", -39.16599)]
    [InlineData("styblinski_tang:4", -39.16599 * 4)]
    [InlineData("ackley:3", 0)]
    [InlineData("levy:3", 0)]
    [InlineData("griewank:3", 0)]
    public void KnownMinimum_IsTheDocumentedValue(string name, double documented)
    {
        var function = FunctionCatalog.Create(name);

        Assert.True(Math.Abs(function.KnownMinimum - documented) <= 1e-4 * Math.Max(1, Math.Abs(documented)), $"{name}: {function.KnownMinimum}");
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void Evaluate_NeverGoesBelowKnownMinimum_AtRandomPoints(string name)
    {
        var function = FunctionCatalog.Create(name);
        var sampler = Tuner.Search.Samplers.SamplerCatalog.Create("random", 7);

        for (var trial = 0; trial < 300; trial++)
        {
            var point = sampler.Sample(new(function.Space, Tuner.Search.StudyDirection.Minimize, [], trial));
            Assert.True(function.Evaluate(point) >= function.KnownMinimum - 1e-9, $"{name} went below its minimum at trial {trial}");
        }
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void KnownArgmin_FitsTheSpace(string name)
    {
        var function = FunctionCatalog.Create(name);

        Assert.Empty(function.Space.CheckAssignment(function.KnownArgmin));
        Assert.Equal(function.Space.Parameters.Count, function.Dims);
    }

    [Theory]
    [InlineData("rosenbrock:3", -5, 10)]
    [InlineData("styblinski_tang:3", -5, 5)]
    [InlineData("ackley:3", -32.768, 32.768)]
    [InlineData("levy:3", -10, 10)]
    [InlineData("griewank:3", -600, 600)]
    [InlineData("hartmann3", 0, 1)]
    [InlineData("hartmann6", 0, 1)]
    public void Domain_IsTheStandardCube(string name, double low, double high)
    {
        var function = (ContinuousFunction)FunctionCatalog.Create(name);

        Assert.All(function.Domain, d => Assert.Equal(new FloatDistribution(low, high), d));
        Assert.Equal(["x0", "x1", "x2"], function.Space.Parameters.Take(3).Select(p => p.Name));
    }

    [Theory]
    [InlineData("branin", -5, 10, 0, 15)]
    [InlineData("six_hump_camel", -3, 3, -2, 2)]
    public void Domain_IsTheStandardBox_ForTwoDimensionalFunctions(string name, double low1, double high1, double low2, double high2)
    {
        var function = (ContinuousFunction)FunctionCatalog.Create(name);

        Assert.Equal([new FloatDistribution(low1, high1), new FloatDistribution(low2, high2)], function.Domain);
    }

    [Theory]
    [InlineData("rosenbrock:4", 4)]
    [InlineData("levy:12", 12)]
    [InlineData("hartmann6", 6)]
    [InlineData("mixed", 7)]
    public void Create_GivesTheNamedDimension(string name, int dims)
    {
        var function = FunctionCatalog.Create(name);

        Assert.Equal(dims, function.Dims);
        Assert.Equal(name, function.Name);
    }

    [Theory]
    [InlineData("sphere", "function must be one of branin")]
    [InlineData("rosenbrock", "needs a dimension between 2 and 1000")]
    [InlineData("rosenbrock:1", "needs a dimension between 2 and 1000")]
    [InlineData("ackley:x", "needs a dimension between 1 and 1000")]
    [InlineData("branin:2", "function must be one of")]
    public void Create_RefusesWithAMessage_ForNamesOutsideTheCatalogue(string name, string message)
    {
        var problem = Assert.Throws<ArgumentException>(() => FunctionCatalog.Create(name));

        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains(name, problem.Message, StringComparison.Ordinal);
    }
}
