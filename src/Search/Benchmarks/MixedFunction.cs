using System.Globalization;
using Tuner.Search.Spaces;

namespace Tuner.Search.Benchmarks;

/// <summary>
/// A synthetic model-tuning objective over floats, ints, categoricals and a conditional branch (7 parameters):
/// <code>
/// f = (log10 lr − t[optimizer])² + 0.25 (layers − 3)² + 0.1 (log2 units − 8)² + act[activation] + bn[batch_norm] + opt
/// t = {sgd: −2, adam: −3, rmsprop: −3.5}; act = {relu: 0, tanh: 0.25, sigmoid: 1}; bn = {true: 0, false: 0.2}
/// opt = 4 (momentum − 0.9)² for sgd (momentum exists only then), 0.3 for adam, 0.6 for rmsprop
/// </code>
/// Minimum 0 at optimizer = sgd, momentum = 0.9, lr = 0.01, layers = 3, units = 256, activation = relu,
/// batch_norm = true. The best point without the conditional branch (adam) is 0.3: a sampler must find and tune
/// the branch to get below it.
/// </summary>
public sealed class MixedFunction : BenchmarkFunction
{
    private static readonly Dictionary<string, double> LearningRateTarget = new() { ["sgd"] = -2, ["adam"] = -3, ["rmsprop"] = -3.5 };
    private static readonly Dictionary<string, double> OptimizerPenalty = new() { ["adam"] = 0.3, ["rmsprop"] = 0.6 };
    private static readonly Dictionary<string, double> ActivationPenalty = new() { ["relu"] = 0, ["tanh"] = 0.25, ["sigmoid"] = 1 };

    public override string Name => "mixed";

    public override int Dims => Space.Parameters.Count;

    public override double KnownMinimum => 0;

    public override SearchSpace Space { get; } = SearchSpace.Create([
        new("optimizer", new CategoricalDistribution(["sgd", "adam", "rmsprop"])),
        new("momentum", new FloatDistribution(0, 0.99), new ParameterCondition("optimizer", ["sgd"])),
        new("lr", new FloatDistribution(1e-5, 1, Log: true)),
        new("layers", new IntDistribution(1, 8)),
        new("units", new IntDistribution(16, 1024, Log: true)),
        new("activation", new CategoricalDistribution(["relu", "tanh", "sigmoid"])),
        new("batch_norm", new CategoricalDistribution([true, false])),
    ]);

    public override IReadOnlyDictionary<string, object> KnownArgmin { get; } = new Dictionary<string, object>
    {
        ["optimizer"] = "sgd",
        ["momentum"] = 0.9,
        ["lr"] = 0.01,
        ["layers"] = 3L,
        ["units"] = 256L,
        ["activation"] = "relu",
        ["batch_norm"] = true,
    };

    public override double Evaluate(IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var optimizer = (string)parameters["optimizer"];
        var lrGap = Math.Log10(Number(parameters["lr"])) - LearningRateTarget[optimizer];
        var layersGap = Number(parameters["layers"]) - 3;
        var unitsGap = Math.Log2(Number(parameters["units"])) - 8;
        var branch = optimizer == "sgd"
            ? 4 * Math.Pow(Number(parameters["momentum"]) - 0.9, 2)
            : OptimizerPenalty[optimizer];
        var batchNorm = (bool)parameters["batch_norm"] ? 0 : 0.2;
        return lrGap * lrGap + 0.25 * layersGap * layersGap + 0.1 * unitsGap * unitsGap
            + ActivationPenalty[(string)parameters["activation"]] + batchNorm + branch;
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
