using Tuner.Scheduler.Api.Contracts;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Scheduling.Checkpoints;
using Tuner.Workloads;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Loads the best trial's checkpoint (verified and decompressed) and measures it on the workload's test data, which no trial has seen.</summary>
internal static class BestCheckpointEvaluation
{
    /// <summary>The test metrics of the best checkpoint, or null when the workload keeps no test data (a command's
    /// program is not asked for any).</summary>
    public static async Task<IReadOnlyDictionary<string, double>?> TestAsync(
        SweepPlan plan, BestTrial best, int seed, ICheckpointStore store, Checkpoint stored, TrainingEnvironment environment, CancellationToken ct)
    {
        var workload = plan.Definition.Workload;
        if (workload.Workload is null) return null;
        var read = await CheckpointVerifier.ReadAsync(store, stored, ct);
        await using var checkpoint = read.Content
            ?? throw new InvalidOperationException($"best checkpoint {stored.Uri} is unusable: {read.Problem}");
        var spec = new TrialSpec(workload.Workload.Kind, best.Params, workload.Options, workload.MaxEpochs, seed);
        return await WorkloadEvaluation.TestAsync(workload.Workload, spec, environment, checkpoint, ct);
    }
}
