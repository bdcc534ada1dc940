using Tuner.Core.Model;
using Tuner.Core.Sweeps;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Workloads;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Commands;
using Tuner.Workloads;

namespace Tuner.Scheduling.Models;

/// <summary>
/// Scores a trial's checkpoint on the validation data of a run: the run's workload options (its data location for
/// the night) with the trial's own hyperparameters and seed. A built-in or plugin workload evaluates in this process
/// (<see cref="IWorkload.EvaluateAsync"/>); a command workload runs its <c>evaluate</c> command here. The checkpoint is
/// verified against its SHA-256 and decompressed first.
/// </summary>
public sealed class CheckpointScoring(ICheckpointStore store, TunerSettings settings)
{
    /// <param name="run">The plan of the run whose validation data scores the checkpoint.</param>
    /// <param name="trialPlan">The plan of the sweep the trial belongs to (for its search space).</param>
    /// <returns>Every metric the workload reports, or why the checkpoint cannot be scored on this data.</returns>
    public async Task<(IReadOnlyDictionary<string, double>? Metrics, string? Problem)> ScoreAsync(
        SweepPlan run, SweepPlan trialPlan, Trial trial, Checkpoint checkpoint, CancellationToken ct)
    {
        var workload = run.Definition.Workload;
        var trained = trialPlan.Definition.Workload;
        if (trained.Name != workload.Name)
            return (null, $"it was trained by workload '{trained.Name}', and this run's is '{workload.Name}'");

        var read = await CheckpointVerifier.ReadAsync(store, checkpoint, ct);
        if (read.Content is null) return (null, $"its checkpoint is unusable: {read.Problem}");
        await using var content = read.Content;
        var spec = new TrialSpec(workload.Name, ParamsJson.Deserialize(trial.ParamsJson, trialPlan.Space), workload.Options, workload.MaxEpochs, trial.Seed);
        var environment = settings.TrainingEnvironment();
        try
        {
            var metrics = workload.Command is { } command
                ? await CommandEvaluation.EvaluateAsync(TrialWorkloads.ToCommandWorkload(command, run.Metric), spec, environment, content, ct)
                : await WorkloadEvaluation.ValidateAsync(workload.Workload!, spec, environment, content, ct);
            return (metrics, null);
        }
        catch (Exception e) when (e is TrialFailedException or WorkloadException or InvalidDataException)
        {
            return (null, e.Message);
        }
    }
}
