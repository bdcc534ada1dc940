using System.CommandLine;

namespace Tuner.Benchmarks.Cli;

/// <summary>Builders for the options the commands share, and the check that a count is positive.</summary>
internal static class CommandOptions
{
    public static Option<string> RequiredText(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<int> Count(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <exception cref="BenchmarkUsageException">The value is below 1.</exception>
    public static int Positive(ParseResult result, Option<int> option)
    {
        var value = result.GetValue(option);
        return value >= 1 ? value : throw new BenchmarkUsageException($"{option.Name} must be at least 1, but got {value}");
    }
}
