using System.CommandLine;
using System.Text.Json;
using Tuner.Benchmarks.Output;
using Tuner.Benchmarks.Pruning;
using Tuner.Search.Pruners;

namespace Tuner.Benchmarks.Cli;

/// <summary>`prune --pruner KIND --trials N --seeds S`: one JSON line per seed 0 … S−1 over noisy learning curves.</summary>
internal static class PruneCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var pruner = CommandOptions.RequiredText("--pruner", "pruner kind: " + string.Join(", ", PrunerCatalog.Kinds));
        var trials = CommandOptions.Count("--trials", "configurations per seed", 100);
        var seeds = CommandOptions.Count("--seeds", "number of seeds; seed s draws the configurations and the noise", 20);
        var command = new Command("prune", $"train random configurations on noisy learning curves of {LearningCurve.MaxSteps} steps with a pruner")
        {
            pruner, trials, seeds,
        };
        command.SetAction(result => BenchmarkCli.Guard(error, () =>
        {
            var kind = result.GetValue(pruner)!.ToLowerInvariant();
            var trialCount = CommandOptions.Positive(result, trials);
            var seedCount = CommandOptions.Positive(result, seeds);
            for (var seed = 0; seed < seedCount; seed++)
            {
                var line = PruneRunner.Run(kind, PrunerPresets.Create(kind), trialCount, seed);
                output.WriteLine(JsonSerializer.Serialize(line, BenchmarkJsonContext.Default.PruneResult));
                output.Flush();
            }
        }));
        return command;
    }
}
