using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests;

public sealed class TimingProbe
{
    [Theory]
    [InlineData(64, 128, 1, 1)]
    [InlineData(32, 512, 2, 1)]
    [InlineData(64, 128, 1, 2)]
    [InlineData(32, 512, 2, 2)]
    public async Task Probe(int batch, int units, int layers, int threads)
    {
        using var dir = new TemporaryDirectory();
        var host = new ScriptedTrialHost(new Tuner.Trainer.Checkpoints.FileSystemCheckpointStore(dir.Path));
        var spec = new TrialSpec("mnist-mlp", new Dictionary<string, object> { ["batch_size"] = batch, ["hidden_units"] = units, ["hidden_layers"] = layers },
            new WorkloadSettings(2), 1);
        var env = new TrainingEnvironment(await MnistDirectory.GetAsync(), threads);
        var r = await TrialRunner.RunAsync(spec, env, host, CancellationToken.None);
        Console.WriteLine($"PROBE batch={batch} units={units} layers={layers} threads={threads}: " + string.Join(" | ", r.History.Select(h => $"{h.Duration.TotalSeconds:0.00}s acc={h.Metrics["val_accuracy"]:0.0000}")));
    }
}
