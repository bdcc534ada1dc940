namespace Tuner.Benchmarks.Cli;

/// <summary>Something a benchmark needs is not there (a plugin not built, data not downloaded); the message says what
/// to run. The commands print it to stderr and exit with code 3.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
