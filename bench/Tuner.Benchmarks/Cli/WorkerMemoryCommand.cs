using System.CommandLine;
using System.Text.Json;
using Tuner.Benchmarks.Memory;
using Tuner.Benchmarks.Output;

namespace Tuner.Benchmarks.Cli;

/// <summary>`worker-memory --trials N --train-samples S --epochs E`: trains N mnist-mlp trials in this process, one
/// progress line per trial on stderr, then one JSON line of resident memory figures.</summary>
internal static class WorkerMemoryCommand
{
    /// <summary>mnist-mlp trains on 54,000 of MNIST's 60,000 training images.</summary>
    private const int MaxTrainSamples = 54_000;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var trials = CommandOptions.Count("--trials", "trials to train one after another", 50);
        var trainSamples = CommandOptions.Count("--train-samples", "training images per epoch (at most 54000); validation uses as many, at most 6000", MaxTrainSamples);
        var epochs = CommandOptions.Count("--epochs", "epochs per trial", 1);
        var threads = CommandOptions.Count("--threads", "TorchSharp threads (as TUNER_TRAINING_THREADS)", 1);
        var data = new Option<string>("--data")
        {
            Description = "folder of the MNIST files (downloaded there when missing)",
            DefaultValueFactory = _ => Path.Join(".tuner", "data", "mnist"),
        };
        var command = new Command("worker-memory", "train mnist-mlp trials one after another in one process and report its resident memory (Linux)")
        {
            trials, trainSamples, epochs, threads, data,
        };
        command.SetAction(result => BenchmarkCli.Guard(error, () =>
        {
            var samples = CommandOptions.Positive(result, trainSamples);
            if (samples > MaxTrainSamples)
                throw new BenchmarkUsageException($"--train-samples must be at most {MaxTrainSamples}, but got {samples}");
            var line = Task.Run(() => WorkerMemoryRunner.RunAsync(
                result.GetValue(data)!, CommandOptions.Positive(result, trials), samples, CommandOptions.Positive(result, epochs),
                CommandOptions.Positive(result, threads), error)).GetAwaiter().GetResult();
            output.WriteLine(JsonSerializer.Serialize(line, BenchmarkJsonContext.Default.WorkerMemoryResult));
        }));
        return command;
    }
}
