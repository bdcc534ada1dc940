using Tuner.Trainer.Commands;

namespace Tuner.Trainer.Tests.Commands;

public sealed class MetricsLineTests
{
    [Fact]
    public void Json_ReadsTheStepAndEveryMetric()
    {
        var line = """{"tuner": {"step": 3, "val_accuracy": 0.91, "val_loss": 2.5e-1}, "level": "info"}""";

        Assert.True(JsonMetricsLine.IsCandidate(line));
        var metrics = JsonMetricsLine.Parse(line);

        Assert.Equal(3, metrics.Step);
        Assert.Equal(new Dictionary<string, double> { ["val_accuracy"] = 0.91, ["val_loss"] = 0.25 }, metrics.Metrics);
    }

    [Theory]
    [InlineData("epoch 3 done")]
    [InlineData("{\"level\": \"info\", \"msg\": \"loading\"}")]
    [InlineData("tuner says hi")]
    public void Json_LeavesOtherLinesToTheLog(string line) => Assert.False(JsonMetricsLine.IsCandidate(line));

    [Theory]
    [InlineData("""{"tuner": {"step": 1, "val_accuracy": }}""", "it is not valid JSON")]
    [InlineData("""{"tuner": {"step": 1, "val_loss": NaN}}""", "it is not valid JSON (NaN and Infinity are not JSON: a metric must be a finite number)")]
    [InlineData("""{"tuner": {"val_accuracy": 0.5}}""", "it has no \"step\" (a whole number from 1)")]
    [InlineData("""{"tuner": {"step": 0, "val_accuracy": 0.5}}""", "\"step\" must be a whole number from 1, but it is 0")]
    [InlineData("""{"tuner": {"step": 1.5, "val_accuracy": 0.5}}""", "\"step\" must be a whole number from 1, but it is 1.5")]
    [InlineData("""{"tuner": {"step": 2}}""", "it has no metrics besides \"step\"")]
    [InlineData("""{"tuner": {"step": 2, "val_accuracy": "0.5"}}""", "metric \"val_accuracy\" must be a finite number, but it is the string \"0.5\"")]
    [InlineData("""{"tuner": [1, 2]}""", "\"tuner\" must be an object like {\"step\": 1, \"val_accuracy\": 0.5}, but it is [1, 2]")]
    public void Json_SaysWhatIsWrongWithAMalformedLine(string line, string expected)
    {
        Assert.True(JsonMetricsLine.IsCandidate(line));
        var error = Assert.Throws<FormatException>(() => JsonMetricsLine.Parse(line));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void KeyValue_ReadsKatibStyleLines_WithOrWithoutAStepOrATimestamp()
    {
        var parser = new KeyValueMetricsParser();

        var first = parser.Read("2024-01-01T00:00:00Z epoch=3 val_accuracy=0.91 Validation-loss = -1.5e-3")!;
        Assert.Equal(3, first.Step);
        Assert.Equal(new Dictionary<string, double> { ["val_accuracy"] = 0.91, ["Validation-loss"] = -1.5e-3 }, first.Metrics);
        var unnumbered = parser.Read("accuracy=0.98")!;
        var logLine = parser.Read("loading the data set");

        Assert.Null(unnumbered.Step);
        Assert.Equal(0.98, unnumbered.Metrics["accuracy"]);
        Assert.Null(logLine);
    }

    [Fact]
    public void KeyValue_WithMetricNames_CollectsAStepOverLinesAndIgnoresOtherPairs()
    {
        var parser = new KeyValueMetricsParser(["loss", "accuracy"]);

        Assert.Null(parser.Read("Epoch=2"));
        Assert.Null(parser.Read("loss=0.3 batch_size=64"));
        Assert.Null(parser.Read("workers=4"));
        var step = parser.Read("accuracy=0.98");

        Assert.NotNull(step);
        Assert.Equal(2, step.Step);
        Assert.Equal(new Dictionary<string, double> { ["loss"] = 0.3, ["accuracy"] = 0.98 }, step.Metrics);
        Assert.Null(parser.Read("loss=0.2"));
    }

    [Theory]
    [InlineData("epoch=0 loss=1", "epoch=0: a step must be a whole number from 1")]
    [InlineData("step=1.5 loss=1", "step=1.5: a step must be a whole number from 1")]
    [InlineData("step=2 loss=1e999", "loss=1e999 is out of range for a number")]
    public void KeyValue_RejectsABadStepOrValue(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => new KeyValueMetricsParser().Read(line));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("json", CommandMetricsKind.Json, null)]
    [InlineData("key-value", CommandMetricsKind.KeyValue, null)]
    [InlineData("logs/metrics.jsonl", CommandMetricsKind.File, "logs/metrics.jsonl")]
    [InlineData("./json", CommandMetricsKind.File, "./json")]
    public void Format_ParsesTheDefinitionsWords(string text, CommandMetricsKind kind, string? path)
    {
        var format = CommandMetricsFormat.Parse(text);

        Assert.Equal((kind, path), (format.Kind, format.FilePath));
        Assert.Equal(text, format.ToString());
    }
}
