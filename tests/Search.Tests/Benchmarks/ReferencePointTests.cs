using Tuner.Search.Benchmarks;

namespace Tuner.Search.Tests.Benchmarks;

/// <summary>
/// Values at x_i = low + (high − low)(0.1 + 0.07 i) computed with bench/optuna/run_optuna.py, so the C# catalogue and
/// the Optuna side-by-side script evaluate the same functions.
/// </summary>
public class ReferencePointTests
{
    [Theory]
    [InlineData("branin", 113.43023080683224)]
    [InlineData("hartmann3", -0.7665554162039221)]
    [InlineData("hartmann6", -1.8134076973504638)]
    [InlineData("six_hump_camel", 25.410263039999986)]
    [InlineData("rosenbrock:4", 27660.223124999993)]
    [InlineData("styblinski_tang:3", -83.80515)]
    [InlineData("ackley:5", 21.15662943191115)]
    [InlineData("levy:4", 61.02108032120654)]
    [InlineData("griewank:3", 122.49121631243524)]
    public void Evaluate_MatchesTheOptunaScript_AtTheReferencePoint(string name, double expected)
    {
        var function = (ContinuousFunction)FunctionCatalog.Create(name);
        var x = function.Domain.Select((d, i) => d.Low + (d.High - d.Low) * (0.1 + 0.07 * i)).ToArray();

        Assert.Equal(expected, function.Evaluate(x), 1e-9 * Math.Max(1, Math.Abs(expected)));
    }
}
