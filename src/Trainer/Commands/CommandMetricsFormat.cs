namespace Tuner.Trainer.Commands;

/// <summary>Where a command's metrics come from. Written in a sweep definition as <c>json</c> (the default),
/// <c>key-value</c>, or a file's path (<see cref="Parse"/>).</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="FilePath">For <see cref="CommandMetricsKind.File"/>: the file, relative to the working directory
/// unless rooted.</param>
/// <param name="MetricNames">For <see cref="CommandMetricsKind.KeyValue"/>: the metrics to read (as Katib's collector
/// reads only the objective and additional metrics). When given, other <c>name=value</c> pairs are ignored, and a step
/// may spread over several lines: it is complete when every name has a value. When empty, every pair counts and each
/// line with a pair is one step.</param>
public sealed record CommandMetricsFormat(CommandMetricsKind Kind, string? FilePath = null, IReadOnlyList<string>? MetricNames = null)
{
    public const string JsonName = "json";
    public const string KeyValueName = "key-value";

    public static CommandMetricsFormat Json { get; } = new(CommandMetricsKind.Json);

    public static CommandMetricsFormat KeyValue(params IReadOnlyList<string> metricNames) =>
        new(CommandMetricsKind.KeyValue, MetricNames: metricNames);

    public static CommandMetricsFormat File(string path) => string.IsNullOrWhiteSpace(path)
        ? throw new ArgumentException("a metrics file's path must not be empty", nameof(path))
        : new(CommandMetricsKind.File, path);

    /// <summary><c>json</c>, <c>key-value</c>, or else a file's path (write <c>./json</c> for a file named json).</summary>
    public static CommandMetricsFormat Parse(string text) => text switch
    {
        JsonName => Json,
        KeyValueName => KeyValue(),
        _ => File(text),
    };

    public override string ToString() => Kind switch
    {
        CommandMetricsKind.Json => JsonName,
        CommandMetricsKind.KeyValue => KeyValueName,
        _ => FilePath!,
    };
}

/// <summary>The three metrics sources of <see cref="CommandMetricsFormat"/>.</summary>
public enum CommandMetricsKind
{
    /// <summary><c>{"tuner": {"step": 3, "val_accuracy": 0.91}}</c> lines on stdout; other lines are the program's log.</summary>
    Json,

    /// <summary>Katib's default collector format on stdout: <c>step=3 val_accuracy=0.91</c> or <c>val_accuracy=0.91</c>.</summary>
    KeyValue,

    /// <summary>The JSON lines of <see cref="Json"/>, appended by the program to a file that Tuner tails.</summary>
    File,
}
