using Tuner.Benchmarks.Cli;
using Tuner.Trainer.Data;
using Tuner.Trainer.Workloads.MnistMlp;
using Tuner.Workloads;

namespace Tuner.Benchmarks.Compression;

/// <summary>The workloads whose checkpoints the checkpoint-compression command measures: the built-in mnist-mlp and
/// the sample plugin fashion-mnist-cnn, each trained with its default hyperparameters. Both keep their data in the
/// same data directory (a worker's TUNER_DATA_DIR).</summary>
internal static class CompressionWorkloads
{
    public const string All = "all";

    /// <summary>Both workloads train on 54,000 training images at most.</summary>
    public const int MaxTrainSamples = 54_000;

    public static IReadOnlyList<string> Names { get; } = [MnistMlpWorkload.Name, FashionMnistCnnPlugin.Kind];

    /// <summary>The workloads <paramref name="choice"/> names: one of <see cref="Names"/>, or <see cref="All"/>.</summary>
    /// <exception cref="BenchmarkUsageException">Neither.</exception>
    public static IReadOnlyList<string> Resolve(string choice)
    {
        var name = choice.ToLowerInvariant();
        if (name == All) return Names;
        return Names.Contains(name)
            ? [name]
            : throw new BenchmarkUsageException($"--workload must be one of {string.Join(", ", Names)}, {All}, but got '{choice}'");
    }

    /// <summary>Null when <paramref name="name"/> can be trained here; else one line that says what is missing and what
    /// to run.</summary>
    public static string? Missing(string name, string dataDirectory) => name switch
    {
        MnistMlpWorkload.Name => MissingMnist(dataDirectory),
        _ => FashionMnistCnnPlugin.Missing(dataDirectory),
    };

    public static IWorkload Create(string name) => name switch
    {
        MnistMlpWorkload.Name => new MnistMlpWorkload(),
        _ => FashionMnistCnnPlugin.Load(),
    };

    private static string? MissingMnist(string dataDirectory)
    {
        var problem = MnistFile.All.Select(f => f.Check(Path.Join(dataDirectory, f.Name))).OfType<string>().FirstOrDefault();
        return problem is null
            ? null
            : $"{MnistMlpWorkload.Name}: MNIST is missing from {dataDirectory} ({problem}); run `dotnet run -c Release --project bench/Tuner.Benchmarks -- worker-memory --trials 1 --train-samples 64 --data {dataDirectory}`, which downloads it there";
    }
}
