using System.CommandLine;

namespace Tuner.Benchmarks.Cli;

/// <summary>
/// The benchmark program's command line: search, latency, prune, worker-memory and checkpoint-compression. Results go
/// to <c>output</c> as JSON lines; warnings and errors to <c>error</c>. Exit codes: 0 done, 1 parse error
/// (System.CommandLine's), 2 a value the benchmark cannot use (unknown function, sampler, pruner or workload; a count
/// out of range), 3 something the benchmark needs is not there (a plugin not built, data not downloaded).
/// </summary>
public static class BenchmarkCli
{
    public const int UsageError = 2;
    public const int MissingPrerequisite = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Tuner.Search benchmarks; see bench/README.md")
        {
            SearchCommand.Create(output, error),
            LatencyCommand.Create(output, error),
            PruneCommand.Create(output, error),
            WorkerMemoryCommand.Create(output, error),
            CheckpointCompressionCommand.Create(output, error),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }

    /// <summary>Runs a command's work; a usage problem prints its message and gives exit code 2, a missing prerequisite
    /// exit code 3.</summary>
    internal static int Guard(TextWriter error, Action work)
    {
        try
        {
            work();
            return 0;
        }
        catch (BenchmarkUsageException problem)
        {
            error.WriteLine(problem.Message);
            return UsageError;
        }
        catch (MissingPrerequisiteException problem)
        {
            error.WriteLine(problem.Message);
            return MissingPrerequisite;
        }
    }
}
