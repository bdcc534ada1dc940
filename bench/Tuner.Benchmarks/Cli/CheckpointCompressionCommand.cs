using System.CommandLine;
using System.Text.Json;
using Tuner.Benchmarks.Compression;
using Tuner.Benchmarks.Output;

namespace Tuner.Benchmarks.Cli;

/// <summary>`checkpoint-compression --workload W --epochs E --train-samples S --data DIR`: trains one trial of each
/// workload, measures checkpoint compression on every checkpoint it writes (one progress line per checkpoint on
/// stderr), and prints one JSON line per workload. A workload whose plugin or data is missing stops the command before
/// anything trains (exit code 3), with a line that says what to run.</summary>
internal static class CheckpointCompressionCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workload = new Option<string>("--workload")
        {
            Description = $"workload: {string.Join(", ", CompressionWorkloads.Names)} or {CompressionWorkloads.All}",
            DefaultValueFactory = _ => CompressionWorkloads.All,
        };
        var epochs = CommandOptions.Count("--epochs", "epochs of the trial; one checkpoint at the end of each", 2);
        var trainSamples = CommandOptions.Count("--train-samples", $"training images per epoch (at most {CompressionWorkloads.MaxTrainSamples}); validation uses as many, at most 2000", 6_000);
        var data = new Option<string>("--data")
        {
            Description = "data directory holding MNIST and fashion-mnist/ (a worker's TUNER_DATA_DIR)",
            DefaultValueFactory = _ => Path.Join(".tuner", "data", "mnist"),
        };
        var command = new Command("checkpoint-compression", "train one trial per workload and measure what checkpoint compression saves on its checkpoints, and how fast")
        {
            workload, epochs, trainSamples, data,
        };
        command.SetAction(result => BenchmarkCli.Guard(error, () =>
        {
            var names = CompressionWorkloads.Resolve(result.GetValue(workload)!);
            var epochCount = CommandOptions.Positive(result, epochs);
            var samples = CommandOptions.Positive(result, trainSamples);
            if (samples > CompressionWorkloads.MaxTrainSamples)
                throw new BenchmarkUsageException($"--train-samples must be at most {CompressionWorkloads.MaxTrainSamples}, but got {samples}");
            var directory = result.GetValue(data)!;
            var missing = names.Select(name => CompressionWorkloads.Missing(name, directory)).OfType<string>().ToList();
            if (missing.Count > 0) throw new MissingPrerequisiteException(string.Join(Environment.NewLine, missing));

            foreach (var name in names)
            {
                var line = Task.Run(() => CheckpointCompressionRunner.RunAsync(name, directory, epochCount, samples, error, CancellationToken.None))
                    .GetAwaiter().GetResult();
                output.WriteLine(JsonSerializer.Serialize(line, BenchmarkJsonContext.Default.CheckpointCompressionResult));
                output.Flush();
            }
        }));
        return command;
    }
}
