using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>The options of <see cref="TabularMlpWorkload"/>, as a sweep fixes them under <c>workload:</c>. Paths are
/// as written: local ones may be relative (see <see cref="TabularLocation"/>).</summary>
/// <param name="Task">The task the sweep gives, or null to infer it (<see cref="ColumnTypes.InferTask"/>).</param>
/// <param name="Features">The feature columns the sweep lists, or empty for every column but the target.</param>
public sealed record TabularMlpOptions(
    string Data,
    string Target,
    TabularTask? Task,
    IReadOnlyList<string> Features,
    double ValidationFraction,
    string? ValidationData,
    string? TestData)
{
    public const double DefaultValidationFraction = 0.2;

    public static IReadOnlyList<string> Tasks { get; } = ["classification", "regression"];

    public static IReadOnlyList<WorkloadOption> Declared { get; } =
    [
        new("data", "the training CSV: a local path or s3://bucket/key", Required: true, IsLocation: true),
        new("target", "the column to predict", Required: true),
        new("task", "classification or regression (default: regression for a numeric target, unless it holds at most 20 distinct integers; classification otherwise)"),
        new("features", "the columns the model reads (default: every column but the target)"),
        new("validation_fraction", "share of the data's rows held out for validation by a fixed seed, stratified by class (default 0.2)"),
        new("validation_data", "a separate validation CSV, local or s3:// (then data is not split)", IsLocation: true),
        new("test_data", "a test CSV, local or s3://, scored once for the best trial", IsLocation: true),
    ];

    /// <summary>Reads the options, reading no data; <paramref name="problems"/> lists what is wrong.</summary>
    public static TabularMlpOptions Read(IReadOnlyDictionary<string, object> values, out IReadOnlyList<string> problems)
    {
        var reader = new WorkloadOptionReader(values, Declared);
        var data = reader.Text("data");
        var target = reader.Text("target");
        var task = reader.Text("task");
        var features = reader.TextList("features");
        var fraction = reader.Number("validation_fraction");
        var validation = reader.Text("validation_data");
        var test = reader.Text("test_data");

        var more = new List<string>();
        if (data is not null) Add(more, TabularLocation.Problem("data", data));
        if (validation is not null) Add(more, TabularLocation.Problem("validation_data", validation));
        if (test is not null) Add(more, TabularLocation.Problem("test_data", test));
        if (target is not null && string.IsNullOrWhiteSpace(target)) more.Add("option 'target' must name a column, but got ''");
        if (task is not null && !Tasks.Contains(task)) more.Add($"option 'task' must be one of {string.Join(", ", Tasks)}, but got '{task}'");
        if (fraction is { } f && f is <= 0 or >= 1) more.Add($"option 'validation_fraction' must be greater than 0 and less than 1, but got {f}");
        if (fraction is not null && validation is not null)
            more.Add("options 'validation_fraction' and 'validation_data' exclude each other: validation_data is the validation set, so data is not split");
        if (target is not null && features.Contains(target)) more.Add($"option 'features' must not list the target column '{target}'");
        foreach (var twice in features.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1))
            more.Add($"option 'features' lists '{twice.Key}' {twice.Count()} times");

        problems = [.. reader.Problems, .. more];
        return new TabularMlpOptions(
            data ?? "", target ?? "", task == "regression" ? TabularTask.Regression : task == "classification" ? TabularTask.Classification : null,
            features, fraction ?? DefaultValidationFraction, validation, test);
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null) problems.Add(problem);
    }
}
