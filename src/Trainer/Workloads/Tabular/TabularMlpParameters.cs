using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>The hyperparameters of <see cref="TabularMlpWorkload"/>, with their defaults. The optimizer is Adam; the
/// number of epochs is the trial's <see cref="TrialSpec.MaxEpochs"/>.</summary>
public sealed record TabularMlpParameters(
    int HiddenLayers,
    int HiddenUnits,
    double Dropout,
    double LearningRate,
    int BatchSize,
    double WeightDecay,
    string ClassWeighting)
{
    public static IReadOnlyList<string> ClassWeightings { get; } = ["none", "balanced"];

    public static IReadOnlyList<WorkloadParameter> Declared { get; } =
    [
        new("hidden_layers", "number of hidden layers (1 to 16)", 2),
        new("hidden_units", "units in each hidden layer (1 to 65536)", 64),
        new("dropout", "dropout probability after each hidden layer, in [0, 1)", 0.1),
        new("learning_rate", "step size of Adam (> 0)", 1e-3),
        new("batch_size", "training rows per step (1 to 1000000)", 64),
        new("weight_decay", "L2 penalty (>= 0)", 0.0),
        new("class_weighting", "none, or balanced: weigh each class's loss by rows / (classes × the class's rows); classification only", "none"),
    ];

    /// <summary>Reads the parameters, filling in defaults; <paramref name="problems"/> lists what is wrong.</summary>
    public static TabularMlpParameters Read(IReadOnlyDictionary<string, object> values, out IReadOnlyList<string> problems)
    {
        var reader = new WorkloadParameterReader(values, Declared);
        var parameters = new TabularMlpParameters(
            HiddenLayers: reader.Integer("hidden_layers", 1, 16),
            HiddenUnits: reader.Integer("hidden_units", 1, 65_536),
            Dropout: reader.Number("dropout", v => v is >= 0 and < 1, "in [0, 1)"),
            LearningRate: reader.Number("learning_rate", v => v > 0, "greater than 0"),
            BatchSize: reader.Integer("batch_size", 1, 1_000_000),
            WeightDecay: reader.Number("weight_decay", v => v >= 0, "at least 0"),
            ClassWeighting: reader.Choice("class_weighting", ClassWeightings));
        problems = reader.Problems;
        return parameters;
    }
}
