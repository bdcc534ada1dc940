using System.Globalization;
using System.Runtime.InteropServices;
using Tuner.Trainer.Memory;
using Tuner.Trainer.Workloads;

namespace Tuner.Trainer;

/// <summary>The trial loop: resume from the latest checkpoint → train → at each epoch's end validate and report →
/// checkpoint every <see cref="WorkloadSettings.CheckpointEveryEpochs"/> epochs and after the last one.</summary>
public static class TrialRunner
{
    /// <summary>Runs <paramref name="spec"/> until it completes, is pruned, or <paramref name="preemption"/> fires (then
    /// it checkpoints at the current batch boundary and returns <see cref="TrialOutcomeKind.Preempted"/>).
    /// <paramref name="abort"/> throws <see cref="OperationCanceledException"/> without a checkpoint; training failures
    /// throw <see cref="TrialFailedException"/>; exceptions from <paramref name="host"/> propagate. The work is CPU-bound
    /// and runs on the calling thread between the host's awaits.</summary>
    /// <remarks>After every epoch's validation and when the run ends, however it ends, the memory the C allocator holds
    /// free is handed back to the system (<see cref="NativeHeap.ReleaseFreeMemory"/>), so a worker's resident memory
    /// grows neither from trial to trial nor from epoch to epoch.</remarks>
    public static async Task<TrialOutcome> RunAsync(
        TrialSpec spec, TrainingEnvironment env, ITrialHost host, CancellationToken preemption, CancellationToken abort = default)
    {
        try
        {
            return await TrainAsync(spec, env, host, preemption, abort);
        }
        finally
        {
            NativeHeap.ReleaseFreeMemory();
        }
    }

    private static async Task<TrialOutcome> TrainAsync(
        TrialSpec spec, TrainingEnvironment env, ITrialHost host, CancellationToken preemption, CancellationToken abort)
    {
        var workload = WorkloadCatalog.Find(spec.Workload) ?? throw new TrialFailedException(
            $"workload must be one of {string.Join(", ", WorkloadCatalog.Kinds)}, but got workload='{spec.Workload}'");
        using var session = await OpenSessionAsync(workload, spec, env, abort);
        var run = await ResumeAsync(spec, session, host, abort);
        var clock = env.Clock;

        while (run.Position.Epoch < spec.Settings.MaxEpochs)
        {
            var epoch = run.Position.Epoch;
            var started = clock.GetTimestamp();
            for (var batch = run.Position.Batch; batch < session.BatchesPerEpoch; batch++)
            {
                abort.ThrowIfCancellationRequested();
                if (preemption.IsCancellationRequested)
                {
                    run = run with { Partial = run.Partial with { Elapsed = run.Partial.Elapsed + clock.GetElapsedTime(started) } };
                    if (run.Position != (run.LastSaved ?? TrainingPosition.Start)) await SaveAsync(spec, session, host, run, abort);
                    return run.Outcome(TrialOutcomeKind.Preempted);
                }
                var result = TrainBatch(spec, session, epoch, batch);
                run = run.AfterBatch(result);
                (host as IBatchObserver)?.BatchCompleted(run.Position);
            }

            abort.ThrowIfCancellationRequested();
            var metrics = new Dictionary<string, double>(session.Validate()) { ["train_loss"] = run.Partial.TrainLoss };
            NativeHeap.ReleaseFreeMemory();
            var report = new EpochReport(epoch + 1, metrics, run.Partial.Elapsed + clock.GetElapsedTime(started));
            run = run.AfterEpoch(report);
            if (await host.ReportAsync(report, abort) == PruneDecision.Prune) return run.Outcome(TrialOutcomeKind.Pruned);
            if (report.Epoch % spec.Settings.CheckpointEveryEpochs == 0 || report.Epoch == spec.Settings.MaxEpochs)
                run = await SaveAsync(spec, session, host, run, abort);
        }
        return run.Outcome(TrialOutcomeKind.Completed);
    }

    private static async Task<ITrainingSession> OpenSessionAsync(IWorkload workload, TrialSpec spec, TrainingEnvironment env, CancellationToken ct)
    {
        try
        {
            return await workload.OpenSessionAsync(spec, env, ct);
        }
        catch (Exception e) when (e is ExternalException or OutOfMemoryException)
        {
            throw new TrialFailedException($"building the model failed ({Describe(spec.Params)}): {e.Message}", e);
        }
    }

    private static async Task<RunProgress> ResumeAsync(TrialSpec spec, ITrainingSession session, ITrialHost host, CancellationToken ct)
    {
        await using var stream = await host.OpenLatestCheckpointAsync(ct);
        if (stream is null) return RunProgress.Fresh;
        var checkpoint = await TrialCheckpoint.ReadAsync(stream, ct);
        if (checkpoint.Workload != spec.Workload || checkpoint.Seed != spec.Seed)
        {
            throw new TrialFailedException(
                $"the latest checkpoint must belong to this trial, but it is for workload='{checkpoint.Workload}', seed={checkpoint.Seed} " +
                $"and the trial is workload='{spec.Workload}', seed={spec.Seed}");
        }
        try
        {
            session.LoadState(new MemoryStream(checkpoint.State, writable: false));
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new TrialFailedException($"the latest checkpoint ({checkpoint.Position}) does not fit this trial's model: {e.Message}", e);
        }
        return new RunProgress(checkpoint.Position, checkpoint.History, checkpoint.Partial, checkpoint.Position, 0, 0);
    }

    private static async Task<RunProgress> SaveAsync(TrialSpec spec, ITrainingSession session, ITrialHost host, RunProgress run, CancellationToken ct)
    {
        using var state = new MemoryStream();
        session.SaveState(state);
        using var content = new MemoryStream();
        await new TrialCheckpoint(spec.Workload, spec.Seed, run.Position, run.History, run.Partial, state.ToArray()).WriteToAsync(content, ct);
        content.Position = 0;
        await host.SaveCheckpointAsync(run.Position, content, ct);
        return run with { LastSaved = run.Position };
    }

    private static BatchResult TrainBatch(TrialSpec spec, ITrainingSession session, int epoch, int batch)
    {
        BatchResult result;
        try
        {
            result = session.TrainBatch(epoch, batch);
        }
        catch (Exception e) when (e is ExternalException or OutOfMemoryException or InsufficientExecutionStackException)
        {
            throw new TrialFailedException($"training failed at epoch {epoch + 1}, batch {batch + 1} ({Describe(spec.Params)}): {e.Message}", e);
        }
        if (!double.IsFinite(result.Loss))
        {
            var what = double.IsNaN(result.Loss) ? "NaN" : "infinite";
            throw new TrialFailedException($"training loss became {what} at epoch {epoch + 1}, batch {batch + 1} ({Describe(spec.Params)})");
        }
        return result;
    }

    private static string Describe(IReadOnlyDictionary<string, object> parameters) => string.Join(", ",
        parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : p.Value)}"));
}
