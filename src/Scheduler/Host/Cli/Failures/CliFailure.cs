namespace Tuner.Scheduler.Cli.Failures;

/// <summary>
/// An expected failure the CLI found itself: <see cref="Exception.Message"/> is one line that says what is wrong and
/// what to do; <see cref="Details"/> are further lines (a rejected definition's problems, one per line).
/// </summary>
public sealed class CliFailure(int exitCode, string message, IReadOnlyList<string>? details = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Details { get; } = details ?? [];
}
