using System.Text.Json;
using Tuner.Benchmarks.Cli;

namespace Tuner.Benchmarks.Tests.Cli;

/// <summary>Runs the benchmark command line in-process and keeps what it wrote.</summary>
internal sealed record CliRun(int ExitCode, IReadOnlyList<JsonElement> Lines, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BenchmarkCli.Run(args, output, error);
        var lines = output.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return new CliRun(exitCode, lines, error.ToString());
    }

    public static IReadOnlyList<string> FieldNames(JsonElement line) => line.EnumerateObject().Select(p => p.Name).ToList();
}
