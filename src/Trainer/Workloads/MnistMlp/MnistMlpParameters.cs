using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>The hyperparameters of <see cref="MnistMlpWorkload"/>, with their defaults.</summary>
public sealed record MnistMlpParameters(
    double LearningRate,
    int BatchSize,
    int HiddenUnits,
    int HiddenLayers,
    double Dropout,
    string Optimizer,
    double Momentum,
    double WeightDecay)
{
    public static IReadOnlyList<string> Optimizers { get; } = ["adam", "sgd"];

    public static IReadOnlyList<WorkloadParameter> Declared { get; } =
    [
        new("learning_rate", "step size of the optimizer (> 0)", 1e-3),
        new("batch_size", "training samples per step (1 to 60000)", 64),
        new("hidden_units", "units in each hidden layer (1 to 65536)", 128),
        new("hidden_layers", "number of hidden layers (1 to 16)", 1),
        new("dropout", "dropout probability after each hidden layer, in [0, 1)", 0.1),
        new("optimizer", "adam or sgd", "adam"),
        new("momentum", "momentum of sgd, in [0, 1); ignored by adam", 0.9),
        new("weight_decay", "L2 penalty (>= 0)", 0.0),
    ];

    /// <summary>Reads the parameters, filling in defaults; <paramref name="problems"/> lists what is wrong.</summary>
    public static MnistMlpParameters Read(IReadOnlyDictionary<string, object> values, out IReadOnlyList<string> problems)
    {
        var reader = new WorkloadParameterReader(values, Declared);
        var parameters = new MnistMlpParameters(
            LearningRate: reader.Number("learning_rate", v => v > 0, "greater than 0"),
            BatchSize: reader.Integer("batch_size", 1, 60_000),
            HiddenUnits: reader.Integer("hidden_units", 1, 65_536),
            HiddenLayers: reader.Integer("hidden_layers", 1, 16),
            Dropout: reader.Number("dropout", v => v is >= 0 and < 1, "in [0, 1)"),
            Optimizer: reader.Choice("optimizer", Optimizers),
            Momentum: reader.Number("momentum", v => v is >= 0 and < 1, "in [0, 1)"),
            WeightDecay: reader.Number("weight_decay", v => v >= 0, "at least 0"));
        problems = reader.Problems;
        return parameters;
    }

    public override string ToString()
    {
        var momentum = Optimizer == "sgd" ? FormattableString.Invariant($", momentum={Momentum}") : "";
        return FormattableString.Invariant(
            $"learning_rate={LearningRate}, batch_size={BatchSize}, hidden_units={HiddenUnits}, hidden_layers={HiddenLayers}, dropout={Dropout}, optimizer={Optimizer}{momentum}, weight_decay={WeightDecay}");
    }
}
