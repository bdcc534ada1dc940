using System.Runtime.InteropServices;
using Tuner.Workloads;

namespace Tuner.Trainer;

/// <summary>
/// A workload's code as the trial loop calls it: whatever it throws (a plugin's bug, TorchSharp's native errors, out
/// of memory) becomes a <see cref="TrialFailedException"/> that names the workload, the call and the position, so the
/// trial's record says where it broke; a <see cref="WorkloadException"/> keeps its own message, which the workload
/// wrote for the user. Cancellation passes through.
/// </summary>
internal sealed class GuardedWorkload(IWorkload workload, TrialSpec spec)
{
    public async Task<GuardedSession> OpenSessionAsync(TrainingEnvironment env, CancellationToken ct)
    {
        try
        {
            return new GuardedSession(await workload.OpenSessionAsync(spec, env, ct), spec);
        }
        catch (Exception e) when (Guard.Wraps(e))
        {
            throw Guard.Failure(spec, "building the model", e);
        }
    }
}

/// <summary>A session whose every call is guarded as <see cref="GuardedWorkload"/> says.</summary>
internal sealed class GuardedSession(ITrainingSession session, TrialSpec spec) : IDisposable
{
    public int BatchesPerEpoch { get; } = Guard.Call(spec, "counting batches", () => session.BatchesPerEpoch) is var count && count >= 1
        ? count
        : throw new TrialFailedException($"workload '{spec.Workload}' must have at least 1 batch per epoch, but its session has {count}");

    public BatchResult TrainBatch(int epoch, int batch)
    {
        var result = Guard.Call(spec, $"training at epoch {epoch + 1}, batch {batch + 1}", () => session.TrainBatch(epoch, batch));
        if (!double.IsFinite(result.Loss))
        {
            var what = double.IsNaN(result.Loss) ? "NaN" : "infinite";
            throw new TrialFailedException(
                $"training loss became {what} at epoch {epoch + 1}, batch {batch + 1} ({TrialRunner.Describe(spec.Params)})");
        }
        return result;
    }

    /// <summary>The session's validation metrics; a metric that is NaN or infinite fails the trial, naming it, since
    /// neither the pruner nor the ranking can compare it.</summary>
    public IReadOnlyDictionary<string, double> Validate(int epoch)
    {
        var metrics = Guard.Call(spec, $"validating after epoch {epoch + 1}", session.Validate);
        if (metrics.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: { } name, Value: var value })
        {
            var what = double.IsNaN(value) ? "NaN" : "infinite";
            throw new TrialFailedException($"validation metric {name} became {what} after epoch {epoch + 1} ({TrialRunner.Describe(spec.Params)})");
        }

        return metrics;
    }

    public IReadOnlyDictionary<string, double>? Test() => Guard.Call(spec, "testing", session.Test);

    public byte[] SaveState(TrainingPosition position) => Guard.Call(spec, $"saving its state at {position}", () =>
    {
        using var state = new MemoryStream();
        session.SaveState(state);
        return state.ToArray();
    });

    public void LoadState(TrialCheckpoint checkpoint)
    {
        try
        {
            session.LoadState(new MemoryStream(checkpoint.State, writable: false));
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new TrialFailedException($"the latest checkpoint ({checkpoint.Position}) does not fit this trial's model: {e.Message}", e);
        }
        catch (Exception e) when (Guard.Wraps(e))
        {
            throw Guard.Failure(spec, $"loading its state from the checkpoint at {checkpoint.Position}", e);
        }
    }

    public void Dispose() => session.Dispose();
}

internal static class Guard
{
    public static T Call<T>(TrialSpec spec, string doing, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (Wraps(e))
        {
            throw Failure(spec, doing, e);
        }
    }

    public static bool Wraps(Exception e) => e is not (OperationCanceledException or TrialFailedException);

    public static TrialFailedException Failure(TrialSpec spec, string doing, Exception e) => e switch
    {
        WorkloadException => new TrialFailedException(e.Message, e),
        ExternalException or OutOfMemoryException or InsufficientExecutionStackException => new TrialFailedException(
            $"{doing} failed ({TrialRunner.Describe(spec.Params)}): {e.Message}", e),
        _ => new TrialFailedException($"workload '{spec.Workload}' threw {e.GetType().Name} while {doing}: {e.Message}", e),
    };
}
