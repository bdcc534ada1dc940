using Tuner.Workloads;
namespace Tuner.Trainer.Commands;

/// <summary>
/// The fixed settings of a <c>command</c> workload: a training program Tuner starts once per run of a trial, reading
/// its metrics as it trains (see docs/command-workload.md for the program's side of the contract).
/// </summary>
/// <param name="Command">The argument vector: the program (found on PATH unless it contains a '/', which is relative to
/// <paramref name="WorkingDirectory"/>), then its arguments. <c>{name}</c> is replaced by the trial's parameter
/// <c>name</c> and <c>{{</c>/<c>}}</c> stand for braces (<see cref="CommandPlaceholders"/>). No shell runs it.</param>
/// <param name="WorkingDirectory">Where the program runs; null is the worker's current directory, and a relative path
/// is relative to it.</param>
/// <param name="Environment">Variables set for the program on top of the worker's own environment (whose
/// <c>TUNER_*</c> variables are removed); Tuner's <c>TUNER_*</c> variables are set last and win.</param>
/// <param name="Metrics">Where the program's metrics come from: JSON lines on stdout (the default), Katib-style
/// <c>name=value</c> lines on stdout, or JSON lines appended to a file.</param>
public sealed record CommandWorkload(
    IReadOnlyList<string> Command,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    CommandMetricsFormat? Metrics = null)
{
    /// <summary>The workload kind in a sweep definition, and what a command trial's checkpoints record.</summary>
    public const string Kind = "command";

    /// <summary>The default of <see cref="StderrLinesKept"/>.</summary>
    public const int DefaultStderrLinesKept = 20;

    /// <summary>The default of <see cref="StopGrace"/>.</summary>
    public static TimeSpan DefaultStopGrace { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How many of the program's last stderr lines a failure's message quotes.</summary>
    public int StderrLinesKept { get; init; } = DefaultStderrLinesKept;

    /// <summary>How long the program has between SIGTERM (prune, preemption, max steps reached) and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = DefaultStopGrace;

    /// <summary>Which step numbers the program may report after one another.</summary>
    public CommandStepRule Steps { get; init; } = CommandStepRule.Increasing;

    /// <summary>The evaluate command, or null when the workload names none: an argument vector with the same rules as
    /// <see cref="Command"/>, run once by <see cref="CommandEvaluation"/> on a stored checkpoint (unpacked into
    /// <c>TUNER_CHECKPOINT_DIR</c>, with <c>TUNER_EVALUATE=1</c>) to re-score it on the data it is given, printing its
    /// metrics in <see cref="MetricsFormat"/> with the step optional.</summary>
    public IReadOnlyList<string>? Evaluate { get; init; }

    /// <summary>The metrics source, <see cref="CommandMetricsFormat.Json"/> when <see cref="Metrics"/> is null.</summary>
    public CommandMetricsFormat MetricsFormat => Metrics ?? CommandMetricsFormat.Json;
}
