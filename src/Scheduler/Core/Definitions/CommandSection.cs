namespace Tuner.Core.Definitions;

/// <summary>A <c>command</c> workload's settings as the definition writes them: the argument vector (placeholders
/// <c>{name}</c> for the space's parameters), where it runs, extra environment variables, where its metrics come from
/// (<c>json</c>, <c>key-value</c> or a file), how many stderr lines a failure keeps, how long it has between SIGTERM
/// and SIGKILL, whether its steps must be consecutive, and the optional evaluate command that re-scores a checkpoint.
/// docs/command-workload.md is the program's side.</summary>
/// <param name="Evaluate">The <c>evaluate</c> argument vector, with the same rules and placeholders as
/// <paramref name="Command"/>; null when the definition names none.</param>
public sealed record CommandSection(
    IReadOnlyList<string> Command,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string Metrics,
    int StderrLines,
    TimeSpan StopGrace,
    bool ConsecutiveSteps,
    IReadOnlyList<string>? Evaluate = null);
