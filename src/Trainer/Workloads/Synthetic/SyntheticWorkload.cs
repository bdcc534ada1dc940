using System.Globalization;
using Tuner.Search.Benchmarks;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Synthetic;

/// <summary>
/// "synthetic": trials whose learning curves come from a benchmark function instead of a model, each step taking a
/// set time (zero included), so a benchmark measures what the orchestrator itself costs, and samplers and pruners can
/// be watched on a function whose answer is known. The parameters x0…x9 are the function's coordinates; a trial
/// reports <c>val_loss</c> after each epoch (see <see cref="SyntheticCurve"/> for the curve's shape).
/// </summary>
public sealed class SyntheticWorkload : IWorkload
{
    public const string Name = "synthetic";

    /// <summary>The most coordinates a function may have.</summary>
    public const int MaxDims = 10;

    public string Kind => Name;

    public IReadOnlyList<WorkloadParameter> Parameters { get; } = Enumerable.Range(0, MaxDims)
        .Select(i => new WorkloadParameter(ContinuousFunction.ParameterName(i), $"coordinate {i} of the function's input (a number)", 0.0))
        .ToList();

    public IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("function", "the benchmark function the curves converge to: branin, hartmann3, hartmann6, six_hump_camel, or rosenbrock:D, styblinski_tang:D, ackley:D, levy:D, griewank:D (D ≤ 10); default branin"),
        new("step_seconds", "how long each epoch takes, in seconds (default 0: as fast as the orchestrator goes)"),
        new("batches", "batches per epoch, among which the step's time is spread (default 1)"),
        new("noise", "the standard deviation of the noise on each reported value, relative to the curve's scale (default 0.02)"),
        new("shift", "a constant added to every reported value, standing for the data a run is scored on: a later run with another shift is scored on other data (default 0)"),
    ];

    public IReadOnlyList<WorkloadMetric> Metrics { get; } = [new("val_loss", MetricGoal.Minimize)];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters)
    {
        var reader = new WorkloadParameterReader(parameters, Parameters);
        foreach (var parameter in Parameters) reader.Number(parameter.Name, double.IsFinite, "a finite number");
        return reader.Problems;
    }

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options) => ReadOptions(options).Problems;

    public Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct)
    {
        var options = ReadOptions(spec.Options);
        var problems = ValidateParams(spec.Params).Concat(options.Problems).ToList();
        if (problems.Count > 0) throw new WorkloadException($"invalid {Kind} trial: {string.Join("; ", problems)}");
        var x = Enumerable.Range(0, options.Function!.Dims)
            .Select(i => spec.Params.TryGetValue(ContinuousFunction.ParameterName(i), out var v) ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0.0)
            .ToArray();
        var curve = new SyntheticCurve(options.Function.Evaluate(x), x, options.Noise, spec.Seed, options.Shift);
        return Task.FromResult<ITrainingSession>(new SyntheticSession(curve, options.Batches, options.StepTime));
    }

    private SyntheticOptions ReadOptions(IReadOnlyDictionary<string, object> values)
    {
        var reader = new WorkloadOptionReader(values, Options);
        var name = reader.Text("function", "branin")!;
        var seconds = reader.Number("step_seconds", 0, min: 0, max: 3600) ?? 0;
        var batches = reader.Integer("batches", 1, min: 1) ?? 1;
        var noise = reader.Number("noise", 0.02, min: 0, max: 10) ?? 0.02;
        var shift = reader.Number("shift", 0) ?? 0;
        var problems = reader.Problems.ToList();
        ContinuousFunction? function = null;
        try
        {
            function = FunctionCatalog.Create(name) as ContinuousFunction;
            if (function is null) problems.Add($"option 'function' must be a function of real coordinates, but '{name}' has categorical ones");
            else if (function.Dims > MaxDims) problems.Add($"option 'function' may have at most {MaxDims} coordinates, but '{name}' has {function.Dims}");
        }
        catch (ArgumentException e)
        {
            problems.Add($"option {e.Message}");
        }

        if (!double.IsFinite(shift)) problems.Add($"option 'shift' must be a finite number, but got {shift}");
        return new SyntheticOptions(function, TimeSpan.FromSeconds(seconds), (int)Math.Min(batches, 1_000_000), noise, shift, problems);
    }

    private sealed record SyntheticOptions(
        ContinuousFunction? Function, TimeSpan StepTime, int Batches, double Noise, double Shift, IReadOnlyList<string> Problems);
}
