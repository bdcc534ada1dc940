using System.Text.Json;
using Tuner.Trainer.Workloads.MnistMlp;

namespace Tuner.Trainer.Tests.Workloads.MnistMlp;

public sealed class MnistMlpParametersTests
{
    private readonly MnistMlpWorkload _workload = new();

    [Fact]
    public void Validate_AcceptsAnEmptySet_AndReadFillsInTheDefaults()
    {
        var parameters = MnistMlpParameters.Read(new Dictionary<string, object>(), out var problems);

        Assert.Empty(problems);
        Assert.Equal(new MnistMlpParameters(1e-3, 64, 128, 1, 0.1, "adam", 0.9, 0.0), parameters);
    }

    [Fact]
    public void Validate_AcceptsNumbersOfAnyBoxedTypeAndJsonElements()
    {
        var values = new Dictionary<string, object>
        {
            ["learning_rate"] = 0.05f,
            ["batch_size"] = 128L,
            ["hidden_units"] = 256.0,
            ["hidden_layers"] = JsonDocument.Parse("2").RootElement,
            ["optimizer"] = JsonDocument.Parse("\"sgd\"").RootElement,
            ["momentum"] = 0.5m,
        };

        var parameters = MnistMlpParameters.Read(values, out var problems);

        Assert.Empty(problems);
        Assert.Equal((128, 256, 2, "sgd", 0.5), (parameters.BatchSize, parameters.HiddenUnits, parameters.HiddenLayers, parameters.Optimizer, parameters.Momentum));
    }

    [Theory]
    [InlineData("batch_size", 0, "batch_size must be between 1 and 60000, but got batch_size=0")]
    [InlineData("batch_size", 32.5, "batch_size must be an integer, but got batch_size=32.5 (Double)")]
    [InlineData("hidden_layers", 17, "hidden_layers must be between 1 and 16, but got hidden_layers=17")]
    [InlineData("dropout", 1.0, "dropout must be in [0, 1), but got dropout=1")]
    [InlineData("dropout", -0.1, "dropout must be in [0, 1), but got dropout=-0.1")]
    [InlineData("learning_rate", 0.0, "learning_rate must be greater than 0, but got learning_rate=0")]
    [InlineData("learning_rate", double.NaN, "learning_rate must be greater than 0, but got learning_rate=NaN")]
    [InlineData("learning_rate", "fast", "learning_rate must be a number, but got learning_rate='fast' (String)")]
    [InlineData("optimizer", "rmsprop", "optimizer must be one of adam, sgd, but got optimizer='rmsprop'")]
    [InlineData("momentum", 1.5, "momentum must be in [0, 1), but got momentum=1.5")]
    [InlineData("weight_decay", -1, "weight_decay must be at least 0, but got weight_decay=-1")]
    public void Validate_NamesTheParameterTheValueAndTheRule(string name, object value, string expected)
    {
        var problems = _workload.ValidateParams(new Dictionary<string, object> { [name] = value });

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Validate_ReportsUnknownNames_WithTheKnownOnes()
    {
        var problems = _workload.ValidateParams(new Dictionary<string, object> { ["lr"] = 0.1 });

        Assert.Equal(
            ["unknown parameter 'lr'; known parameters are learning_rate, batch_size, hidden_units, hidden_layers, dropout, optimizer, momentum, weight_decay"],
            problems);
    }

    [Fact]
    public void Validate_ReportsEveryProblem_NotOnlyTheFirst()
    {
        var problems = _workload.ValidateParams(new Dictionary<string, object> { ["batch_size"] = -1, ["dropout"] = 2.0, ["x"] = 1 });

        Assert.Equal(3, problems.Count);
    }
}
