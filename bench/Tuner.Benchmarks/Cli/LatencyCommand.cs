using System.CommandLine;
using System.Text.Json;
using Tuner.Benchmarks.Latency;
using Tuner.Benchmarks.Output;
using Tuner.Benchmarks.Samplers;

namespace Tuner.Benchmarks.Cli;

/// <summary>`latency --sampler KIND --dims D --history N`: one JSON line of ask times against N finished trials.</summary>
internal static class LatencyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var sampler = CommandOptions.RequiredText("--sampler", "sampler kind: " + string.Join(", ", SamplerFactory.Kinds));
        var dims = CommandOptions.Count("--dims", "dimensions of the float space [-5, 5]^D", 10);
        var history = new Option<int>("--history") { Description = "finished trials in the history", DefaultValueFactory = _ => 1000 };
        var command = new Command(
            "latency",
            $"time {LatencyRunner.TimedAsks} asks (after at least {LatencyRunner.WarmupAsks} untimed ones and {LatencyRunner.WarmupTime.TotalSeconds:F0} s of warm-up) against a history of finished trials")
        {
            sampler, dims, history,
        };
        command.SetAction(result => BenchmarkCli.Guard(error, () =>
        {
            var samplerLabel = result.GetValue(sampler)!.ToLowerInvariant();
            var kind = SamplerFactory.Resolve(samplerLabel);
            var historyCount = result.GetValue(history);
            if (historyCount < 0)
            {
                throw new BenchmarkUsageException($"--history must not be negative, but got {historyCount}");
            }

            var line = LatencyRunner.Run(samplerLabel, SamplerFactory.Create(kind, 0), CommandOptions.Positive(result, dims), historyCount);
            output.WriteLine(JsonSerializer.Serialize(line, BenchmarkJsonContext.Default.LatencyResult));
        }));
        return command;
    }
}
