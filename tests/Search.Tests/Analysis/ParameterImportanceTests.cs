using Tuner.Search.Analysis;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Analysis;

/// <summary>
/// The first-order variance decomposition on functions whose answer is known. For f = 4·x1 + 2·x2 + 0·x3 with x
/// uniform on [0, 1] and independent, Var f = 16/12 + 4/12, so the main effects are 16/20, 4/20 and 0.
/// </summary>
public class ParameterImportanceTests
{
    // n = 4000 trials, 10 bins. Binning keeps (1 − 1/10²) of each linear effect, the same for x1 and x2, so the
    // shares keep their 4:1 ratio; x3 gets η² ≈ (10 − 1)/(n − 1) ≈ 0.0023 from noise. The sampling error of an η²
    // near 0.8 is about 2·√0.8·(1 − 0.8)/√n ≈ 0.006, so 0.02 is over three standard errors (the seed is fixed, too).
    private const int Trials = 4000;
    private const double Tolerance = 0.02;

    private static readonly SearchSpace Uniform = SearchSpace.Create([
        new("x1", new FloatDistribution(0, 1)), new("x2", new FloatDistribution(0, 1)), new("x3", new FloatDistribution(0, 1))]);

    [Fact]
    public void Estimate_SplitsALinearFunction_ByTheSquaresOfItsCoefficients()
    {
        var random = new Random(42);
        var trials = Enumerable.Range(0, Trials).Select(_ =>
        {
            double x1 = random.NextDouble(), x2 = random.NextDouble(), x3 = random.NextDouble();
            return Trial(4 * x1 + 2 * x2 + 0 * x3, ("x1", x1), ("x2", x2), ("x3", x3));
        }).ToList();

        var shares = ParameterImportance.Estimate(Uniform, trials)!;

        Assert.Equal(["x1", "x2", "x3"], shares.Select(s => s.Name));
        Assert.InRange(shares[0].Importance, 16.0 / 20 - Tolerance, 16.0 / 20 + Tolerance);
        Assert.InRange(shares[1].Importance, 4.0 / 20 - Tolerance, 4.0 / 20 + Tolerance);
        Assert.InRange(shares[2].Importance, 0, 0.01);
        Assert.Equal(1, shares.Sum(s => s.Importance), precision: 12);
    }

    [Fact]
    public void Estimate_GivesEverythingToTheCategorical_WhenOnlyTheChoiceMatters()
    {
        var space = SearchSpace.Create([
            new("optimizer", new CategoricalDistribution(["adam", "sgd", "rmsprop"])), new("lr", new FloatDistribution(1e-4, 1e-1, Log: true))]);
        var effect = new Dictionary<string, double> { ["adam"] = 0.1, ["sgd"] = 0.5, ["rmsprop"] = 0.3 };
        var random = new Random(7);
        var trials = Enumerable.Range(0, Trials).Select(_ =>
        {
            var optimizer = new[] { "adam", "sgd", "rmsprop" }[random.Next(3)];
            return Trial(effect[optimizer], ("optimizer", optimizer), ("lr", Math.Exp(Math.Log(1e-4) + random.NextDouble() * Math.Log(1e3))));
        }).ToList();

        var shares = ParameterImportance.Estimate(space, trials)!;

        // lr explains nothing: the objective is constant within each optimizer, so its bins' means differ only by noise.
        Assert.Equal("optimizer", shares[0].Name);
        Assert.InRange(shares[0].Importance, 0.99, 1);
        Assert.InRange(shares[1].Importance, 0, 0.01);
    }

    [Fact]
    public void Estimate_IsAllZero_WhenTheObjectiveIsConstant()
    {
        var random = new Random(1);
        var trials = Enumerable.Range(0, 100).Select(_ =>
            Trial(0.25, ("x1", random.NextDouble()), ("x2", random.NextDouble()), ("x3", random.NextDouble()))).ToList();

        var shares = ParameterImportance.Estimate(Uniform, trials)!;

        Assert.Equal(3, shares.Count);
        Assert.All(shares, s => Assert.Equal(0, s.Importance));
    }

    [Fact]
    public void Estimate_IsNull_WithFewerThanTwoTrials()
    {
        Assert.Null(ParameterImportance.Estimate(Uniform, []));
        Assert.Null(ParameterImportance.Estimate(Uniform, [Trial(1, ("x1", 0.1), ("x2", 0.2), ("x3", 0.3))]));
        Assert.Null(ParameterImportance.Estimate(Uniform, [Trial(1, ("x1", 0.1)), Trial(double.NaN, ("x1", 0.2))]));
    }

    [Fact]
    public void Estimate_MeasuresAConditionalParameter_OnlyWhereItIsActive()
    {
        var space = SearchSpace.Create([
            new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
            new("momentum", new FloatDistribution(0.5, 0.99), new ParameterCondition("optimizer", ["sgd"]))]);
        var random = new Random(11);
        var trials = Enumerable.Range(0, 2000).Select(i =>
        {
            if (i % 2 == 0) return Trial(1, ("optimizer", "adam"));
            var momentum = 0.5 + random.NextDouble() * 0.49;
            return Trial(momentum, ("optimizer", "sgd"), ("momentum", momentum));
        }).ToList();

        // Among sgd trials the objective is momentum itself: η² ≈ 1 − 1/bins².
        Assert.InRange(ParameterImportance.CorrelationRatio(space.Parameters[1], trials), 0.98, 1);
    }

    [Fact]
    public void QuantileBins_KeepEqualValuesInOneBin()
    {
        var bins = QuantileBins.Assign([1, 1, 1, 1, 2, 3, 4, 5], 4);

        Assert.Equal([0, 0, 0, 0, 2, 2, 3, 3], bins);
    }

    private static ObservedTrial Trial(double value, params (string Name, object Value)[] parameters) =>
        new(parameters.ToDictionary(p => p.Name, p => p.Value), value);
}
