using Tuner.Workloads;

namespace Tuner.Trainer;

/// <summary>Scores a trial's checkpoint: on its workload's held-out test data, or on the validation data a spec names.</summary>
public static class WorkloadEvaluation
{
    /// <summary>The metrics of the model in <paramref name="checkpoint"/> (a checkpoint <see cref="TrialRunner"/> wrote
    /// for <paramref name="spec"/>) on the test data, or null when the workload keeps none.</summary>
    public static async Task<IReadOnlyDictionary<string, double>?> TestAsync(
        IWorkload workload, TrialSpec spec, TrainingEnvironment env, Stream checkpoint, CancellationToken ct)
    {
        var saved = await TrialCheckpoint.ReadAsync(checkpoint, ct);
        using var session = await new GuardedWorkload(workload, spec).OpenSessionAsync(env, ct);
        session.LoadState(saved);
        return session.Test();
    }

    /// <summary>The validation metrics of the model in <paramref name="checkpoint"/> (a checkpoint <see cref="TrialRunner"/>
    /// wrote for <paramref name="spec"/>'s parameters) on the validation data that <paramref name="spec"/>'s options
    /// name (<see cref="IWorkload.EvaluateAsync"/>). Throws <see cref="TrialFailedException"/> with one line saying why
    /// when the workload cannot score it, or a metric is not a finite number.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> ValidateAsync(
        IWorkload workload, TrialSpec spec, TrainingEnvironment env, Stream checkpoint, CancellationToken ct)
    {
        var saved = await TrialCheckpoint.ReadAsync(checkpoint, ct);
        IReadOnlyDictionary<string, double> metrics;
        try
        {
            metrics = await workload.EvaluateAsync(spec, new MemoryStream(saved.State, writable: false), env, ct);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new TrialFailedException($"the checkpoint ({saved.Position}) does not fit the model of workload '{spec.Workload}' on this data: {e.Message}", e);
        }
        catch (Exception e) when (Guard.Wraps(e))
        {
            throw Guard.Failure(spec, "evaluating a checkpoint", e);
        }

        if (metrics.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: { } name, Value: var value })
            throw new TrialFailedException($"evaluating the checkpoint gave {name} = {value}, not a finite number");
        return metrics;
    }
}
