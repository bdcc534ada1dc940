using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Workloads;
using Tuner.Core.Sweeps;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Loads the best trial's checkpoint and measures it on the test set, which no trial has seen.</summary>
internal static class BestCheckpointEvaluation
{
    public static async Task<double> TestAccuracyAsync(
        SweepPlan plan, BestTrial best, int seed, ICheckpointStore store, string key, TrainingEnvironment environment, CancellationToken ct)
    {
        var workload = WorkloadCatalog.Find(plan.Definition.Workload.Kind)
            ?? throw new InvalidOperationException($"unknown workload {plan.Definition.Workload.Kind}");
        await using var checkpoint = await store.OpenReadAsync(key, ct)
            ?? throw new InvalidOperationException($"best checkpoint {best.CheckpointUri} is missing");
        var spec = new TrialSpec(plan.Definition.Workload.Kind, best.Params, plan.Definition.Workload.Settings, seed);
        return await workload.EvaluateTestAccuracyAsync(spec, environment, checkpoint, ct);
    }
}
