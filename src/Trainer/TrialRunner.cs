using System.Globalization;
using Tuner.Trainer.Memory;
using Tuner.Workloads;

namespace Tuner.Trainer;

/// <summary>The trial loop: resume from the latest checkpoint → train → at each epoch's end validate and report →
/// checkpoint as the <see cref="CheckpointPolicy"/> says and after the last epoch.</summary>
public static class TrialRunner
{
    /// <summary>Runs <paramref name="spec"/> on <paramref name="workload"/> until it completes, is pruned, or
    /// <paramref name="preemption"/> fires (then it checkpoints at the current batch boundary and returns
    /// <see cref="TrialOutcomeKind.Preempted"/>). <paramref name="abort"/> throws <see cref="OperationCanceledException"/>
    /// without a checkpoint. Whatever the workload's code throws (building, training, validating, saving or loading
    /// state) becomes a <see cref="TrialFailedException"/> that says where; exceptions from <paramref name="host"/>
    /// propagate as they are. The work is CPU-bound and runs on the calling thread between the host's awaits.</summary>
    /// <remarks>After every epoch's validation and when the run ends, however it ends, the memory the C allocator holds
    /// free is handed back to the system (<see cref="NativeHeap.ReleaseFreeMemory"/>), so a worker's resident memory
    /// grows neither from trial to trial nor from epoch to epoch.</remarks>
    public static async Task<TrialOutcome> RunAsync(
        IWorkload workload, TrialSpec spec, CheckpointPolicy checkpoints, TrainingEnvironment env, ITrialHost host,
        CancellationToken preemption, CancellationToken abort = default)
    {
        if (spec.MaxEpochs < 1) throw new TrialFailedException($"max_epochs must be at least 1, but got max_epochs={spec.MaxEpochs}");
        if (env.Threads < 1) throw new TrialFailedException($"threads must be at least 1, but got threads={env.Threads}");
        try
        {
            var guarded = new GuardedWorkload(workload, spec);
            using var session = await guarded.OpenSessionAsync(env, abort);
            return await TrainAsync(spec, session, checkpoints, env.Clock, host, preemption, abort);
        }
        finally
        {
            NativeHeap.ReleaseFreeMemory();
        }
    }

    private static async Task<TrialOutcome> TrainAsync(
        TrialSpec spec, GuardedSession session, CheckpointPolicy checkpoints, TimeProvider clock, ITrialHost host,
        CancellationToken preemption, CancellationToken abort)
    {
        var run = await ResumeAsync(spec, session, host, abort);
        var lastSaved = clock.GetTimestamp();
        while (run.Position.Epoch < spec.MaxEpochs)
        {
            var epoch = run.Position.Epoch;
            var started = clock.GetTimestamp();
            for (var batch = run.Position.Batch; batch < session.BatchesPerEpoch; batch++)
            {
                abort.ThrowIfCancellationRequested();
                if (preemption.IsCancellationRequested)
                {
                    run = WithElapsed(run, clock, started);
                    if (run.Position != (run.LastSaved ?? TrainingPosition.Start)) await SaveAsync(spec, session, host, run, abort);
                    return run.Outcome(TrialOutcomeKind.Preempted);
                }

                if (checkpoints.Interval is { } interval && run.Position != run.LastSaved && clock.GetElapsedTime(lastSaved) >= interval)
                {
                    run = await SaveAsync(spec, session, host, WithElapsed(run, clock, started), abort);
                    started = clock.GetTimestamp();
                    lastSaved = started;
                }

                run = run.AfterBatch(session.TrainBatch(epoch, batch));
                (host as IBatchObserver)?.BatchCompleted(run.Position);
            }

            abort.ThrowIfCancellationRequested();
            var metrics = new Dictionary<string, double>(session.Validate(epoch)) { [WorkloadMetric.TrainLoss.Name] = run.Partial.TrainLoss };
            NativeHeap.ReleaseFreeMemory();
            var report = new EpochReport(epoch + 1, metrics, run.Partial.Elapsed + clock.GetElapsedTime(started));
            run = run.AfterEpoch(report);
            if (await host.ReportAsync(report, abort) == PruneDecision.Prune) return run.Outcome(TrialOutcomeKind.Pruned);
            if (report.Epoch % checkpoints.EveryEpochs == 0 || report.Epoch == spec.MaxEpochs)
            {
                run = await SaveAsync(spec, session, host, run, abort);
                lastSaved = clock.GetTimestamp();
            }
        }
        return run.Outcome(TrialOutcomeKind.Completed);
    }

    /// <summary>The run with this stretch of the epoch's training time folded into its partial epoch.</summary>
    private static RunProgress WithElapsed(RunProgress run, TimeProvider clock, long started) =>
        run with { Partial = run.Partial with { Elapsed = run.Partial.Elapsed + clock.GetElapsedTime(started) } };

    private static async Task<RunProgress> ResumeAsync(TrialSpec spec, GuardedSession session, ITrialHost host, CancellationToken ct)
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

        session.LoadState(checkpoint);
        return new RunProgress(checkpoint.Position, checkpoint.History, checkpoint.Partial, checkpoint.Position, 0, 0);
    }

    private static async Task<RunProgress> SaveAsync(TrialSpec spec, GuardedSession session, ITrialHost host, RunProgress run, CancellationToken ct)
    {
        var state = session.SaveState(run.Position);
        using var content = new MemoryStream();
        await new TrialCheckpoint(spec.Workload, spec.Seed, run.Position, run.History, run.Partial, state).WriteToAsync(content, ct);
        content.Position = 0;
        await host.SaveCheckpointAsync(run.Position, content, ct);
        return run with { LastSaved = run.Position };
    }

    internal static string Describe(IReadOnlyDictionary<string, object> parameters) => string.Join(", ",
        parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : p.Value)}"));
}
