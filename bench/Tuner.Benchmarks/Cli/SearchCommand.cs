using System.CommandLine;
using System.Text.Json;
using Tuner.Search.Benchmarks;
using Tuner.Benchmarks.Output;
using Tuner.Benchmarks.Samplers;
using Tuner.Benchmarks.Search;

namespace Tuner.Benchmarks.Cli;

/// <summary>`search --function NAME --sampler KIND --trials N --seeds S`: one JSON line per seed 0 … S−1.</summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var function = CommandOptions.RequiredText("--function", "catalogue function: " + string.Join(", ", FunctionCatalog.Names));
        var sampler = CommandOptions.RequiredText("--sampler", "sampler kind: " + string.Join(", ", SamplerFactory.Kinds));
        var trials = CommandOptions.Count("--trials", "trials per seed", 100);
        var seeds = CommandOptions.Count("--seeds", "number of seeds; seed s runs with sampler seed s", 20);
        var command = new Command("search", "minimise a catalogue function and print best value, regret and ask latency per seed")
        {
            function, sampler, trials, seeds,
        };
        command.SetAction(result => BenchmarkCli.Guard(error, () =>
        {
            var target = CreateFunction(result.GetValue(function)!);
            var samplerLabel = result.GetValue(sampler)!.ToLowerInvariant();
            var kind = SamplerFactory.Resolve(samplerLabel);
            var trialCount = CommandOptions.Positive(result, trials);
            var seedCount = CommandOptions.Positive(result, seeds);
            for (var seed = 0; seed < seedCount; seed++)
            {
                var line = SearchRunner.Run(target, samplerLabel, SamplerFactory.Create(kind, seed), trialCount, seed);
                output.WriteLine(JsonSerializer.Serialize(line, BenchmarkJsonContext.Default.SearchResult));
                output.Flush();
            }
        }));
        return command;
    }

    /// <summary>The catalogue's function; an unknown name is a usage error of this command.</summary>
    private static BenchmarkFunction CreateFunction(string name)
    {
        try
        {
            return FunctionCatalog.Create(name);
        }
        catch (ArgumentException e)
        {
            throw new BenchmarkUsageException(e.Message);
        }
    }
}
