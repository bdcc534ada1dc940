using System.Globalization;
using Tuner.Workloads;

namespace FashionMnistCnn;

/// <summary>The hyperparameters of <see cref="FashionMnistCnnWorkload"/>, with their defaults.</summary>
public sealed record FashionMnistCnnParameters(
    double LearningRate,
    int BatchSize,
    int Channels,
    int HiddenUnits,
    double Dropout,
    double WeightDecay)
{
    /// <summary>What a sweep's space may name. The type of each default is the parameter's type.</summary>
    public static IReadOnlyList<WorkloadParameter> Declared { get; } =
    [
        new("learning_rate", "step size of Adam (> 0)", 1e-3),
        new("batch_size", "training images per step (1 to 54000)", 64),
        new("channels", "channels of the first convolution (1 to 256); the second has twice as many", 16),
        new("hidden_units", "units of the fully connected hidden layer (1 to 8192)", 128),
        new("dropout", "dropout probability on the convolutional features, in [0, 1)", 0.25),
        new("weight_decay", "L2 penalty (>= 0)", 0.0),
    ];

    /// <summary>Reads the parameters, filling in defaults; <paramref name="problems"/> lists what is wrong.</summary>
    public static FashionMnistCnnParameters Read(IReadOnlyDictionary<string, object> values, out IReadOnlyList<string> problems)
    {
        var reader = new WorkloadParameterReader(values, Declared);
        var parameters = new FashionMnistCnnParameters(
            LearningRate: reader.Number("learning_rate", v => v > 0, "greater than 0"),
            BatchSize: reader.Integer("batch_size", 1, FashionMnistData.TrainingCount),
            Channels: reader.Integer("channels", 1, 256),
            HiddenUnits: reader.Integer("hidden_units", 1, 8192),
            Dropout: reader.Number("dropout", v => v is >= 0 and < 1, "in [0, 1)"),
            WeightDecay: reader.Number("weight_decay", v => v >= 0, "at least 0"));
        problems = reader.Problems;
        return parameters;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"learning_rate={LearningRate}, batch_size={BatchSize}, channels={Channels}, hidden_units={HiddenUnits}, dropout={Dropout}, weight_decay={WeightDecay}");
}
