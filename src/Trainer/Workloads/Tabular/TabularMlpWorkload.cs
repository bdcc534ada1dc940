using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// "tabular-mlp": a multi-layer perceptron over a user's CSV, as a classifier or a regressor.
/// <list type="bullet">
/// <item>Options (<see cref="TabularMlpOptions"/>): <c>data</c> and <c>target</c> (required), <c>task</c>,
/// <c>features</c>, <c>validation_fraction</c>, <c>validation_data</c>, <c>test_data</c>. Files are local paths or
/// <c>s3://bucket/key</c> (<see cref="DataS3Settings"/>). A relative local path resolves against the current directory
/// when the session opens; the scheduler resolves a sweep's relative paths against the sweep definition's folder
/// before they reach a worker.</item>
/// <item>Data: parsed by <see cref="CsvParser"/>, kept per process by <see cref="CsvFileSource"/>, split and encoded
/// by <see cref="TabularPreparation"/> (encoders fitted on the training split only).</item>
/// <item>Metrics (<see cref="TabularMetrics"/>): <see cref="Metrics"/> is the union of both tasks'. Classification
/// reports val_accuracy, val_auc, val_log_loss and val_loss; regression reports val_rmse, val_mae and val_loss.
/// <see cref="ITrainingSession.Test"/> reports the same names on <c>test_data</c>, or null without it.</item>
/// </list>
/// </summary>
public sealed class TabularMlpWorkload : IWorkload
{
    public const string Name = "tabular-mlp";

    private readonly CsvFileSource _files;

    /// <summary>The built-in workload, reading through the process's <see cref="CsvFileSource.Shared"/>.</summary>
    public TabularMlpWorkload() : this(CsvFileSource.Shared)
    {
    }

    /// <summary>A workload that reads its files through <paramref name="files"/>.</summary>
    public TabularMlpWorkload(CsvFileSource files) => _files = files;

    public string Kind => Name;

    public IReadOnlyList<WorkloadParameter> Parameters => TabularMlpParameters.Declared;

    public IReadOnlyList<WorkloadOption> Options => TabularMlpOptions.Declared;

    public IReadOnlyList<WorkloadMetric> Metrics { get; } =
    [
        new(TabularMetrics.Accuracy, MetricGoal.Maximize),
        new(TabularMetrics.Auc, MetricGoal.Maximize),
        new(TabularMetrics.LogLoss, MetricGoal.Minimize),
        new(TabularMetrics.Rmse, MetricGoal.Minimize),
        new(TabularMetrics.Mae, MetricGoal.Minimize),
        new(TabularMetrics.Loss, MetricGoal.Minimize),
    ];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters)
    {
        TabularMlpParameters.Read(parameters, out var problems);
        return problems;
    }

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options)
    {
        TabularMlpOptions.Read(options, out var problems);
        return problems;
    }

    public async Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct)
    {
        var parameters = TabularMlpParameters.Read(spec.Params, out var parameterProblems);
        var options = TabularMlpOptions.Read(spec.Options, out var optionProblems);
        if (parameterProblems.Count + optionProblems.Count > 0)
            throw new WorkloadException($"invalid {Kind} trial: {string.Join("; ", parameterProblems.Concat(optionProblems))}");

        var data = await _files.ReadAsync(TabularLocation.Resolve(options.Data), ct);
        var validation = options.ValidationData is { } v ? await _files.ReadAsync(TabularLocation.Resolve(v), ct) : null;
        var test = options.TestData is { } t ? await _files.ReadAsync(TabularLocation.Resolve(t), ct) : null;
        var dataset = TabularPreparation.Prepare(options, data, validation, test);
        if (dataset.Task == TabularTask.Regression && parameters.ClassWeighting != "none")
        {
            throw new WorkloadException(
                $"class_weighting={parameters.ClassWeighting} applies to classification only, but column '{options.Target}' of {data.Source} is a regression target");
        }
        return new TabularMlpSession(dataset, parameters, spec.Seed, environment);
    }
}
