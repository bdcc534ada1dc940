namespace Tuner.Benchmarks.Cli;

/// <summary>
/// A command-line value the benchmark cannot use (an unknown function, sampler or pruner kind, a count out of range).
/// The commands print its message to stderr and exit with code 2.
/// </summary>
public sealed class BenchmarkUsageException(string message) : Exception(message);
