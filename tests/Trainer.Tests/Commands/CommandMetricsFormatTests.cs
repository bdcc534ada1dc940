using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;
using static Tuner.Trainer.Tests.Commands.TestProgram;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>The same program reporting the same metrics in each supported format.</summary>
public sealed class CommandMetricsFormatTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task KeyValueLines_WithAnEpochKey_ReportTheSameAsJsonLines()
    {
        var json = await RunAsync(Command(), Host(_directory, "json"));
        var host = Host(_directory, "key-value");

        var keyValue = await RunAsync(Command("--format", "key-value") with { Metrics = CommandMetricsFormat.KeyValue() }, host);

        Assert.Equal(TrialOutcomeKind.Completed, keyValue.Kind);
        Assert.Equal(MetricsOf(json.History), MetricsOf(host.Reports));
    }

    [Fact]
    public async Task KeyValueLines_OneMetricALine_AreCollectedIntoSteps_WhenTheMetricsAreNamed()
    {
        var json = await RunAsync(Command(), Host(_directory, "json"));
        var host = Host(_directory, "split");
        var command = Command("--format", "key-value-split") with { Metrics = CommandMetricsFormat.KeyValue("val_accuracy", "val_loss") };

        var split = await RunAsync(command, host);

        Assert.Equal(TrialOutcomeKind.Completed, split.Kind);
        Assert.Equal(MetricsOf(json.History), MetricsOf(host.Reports));
    }

    [Fact]
    public async Task MetricsFile_IsTailed_AndALeftoverFileFromAnEarlierRunIsDiscarded()
    {
        var json = await RunAsync(Command(), Host(_directory, "json"));
        var host = Host(_directory, "file");
        Directory.CreateDirectory(Path.Join(_directory.Path, "logs"));
        File.WriteAllText(Path.Join(_directory.Path, "logs", "metrics.jsonl"), "left over from another trial\n");
        var command = Command("--format", "file", "--sleep-ms", "50") with
        {
            WorkingDirectory = _directory.Path,
            Metrics = CommandMetricsFormat.File("logs/metrics.jsonl"),
        };

        var file = await RunAsync(command, host);

        Assert.Equal(TrialOutcomeKind.Completed, file.Kind);
        Assert.Equal(MetricsOf(json.History), MetricsOf(host.Reports));
    }

    [Fact]
    public async Task MetricsFile_WithAMalformedLine_FailsNamingTheFile()
    {
        var script = new[] { "sh", "-c", "echo '{{\"tuner\": {{\"step\": 1, \"loss\": 1}}}}' >> \"$TUNER_METRICS_FILE\"; echo 'not json' >> \"$TUNER_METRICS_FILE\"" };
        var command = new CommandWorkload(script, WorkingDirectory: _directory.Path, Metrics: CommandMetricsFormat.File("m.jsonl"));

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(command, Host(_directory, "bad-file")));

        Assert.StartsWith($"the metrics file {Path.Join(_directory.Path, "m.jsonl")} has a malformed line (it is not valid JSON: ", failure.Message);
        Assert.EndsWith("): not json", failure.Message);
    }
}
