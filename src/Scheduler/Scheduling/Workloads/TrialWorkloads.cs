using Microsoft.Extensions.Logging;
using Tuner.Core.Definitions;
using Tuner.Trainer;
using Tuner.Trainer.Commands;
using Tuner.Workloads;

namespace Tuner.Scheduling.Workloads;

/// <summary>Runs one trial's run on the workload its sweep names: a program for a command, the trial loop over the
/// workload's sessions otherwise. Both talk to the scheduler only through the same fenced <see cref="ITrialHost"/>.</summary>
public static class TrialWorkloads
{
    public static Task<TrialOutcome> RunAsync(
        SweepDefinition definition, TrialSpec spec, TrainingEnvironment environment, ITrialHost host, long trialId, ILogger logger,
        CancellationToken preemption, CancellationToken abort)
    {
        var workload = definition.Workload;
        if (workload.Command is { } command)
        {
            return CommandTrialRunner.RunAsync(
                ToCommandWorkload(command, definition.Objective.Metric), spec, environment, host, preemption, abort,
                trialId.ToString(System.Globalization.CultureInfo.InvariantCulture), new LogLines(logger, trialId));
        }

        var checkpoints = new CheckpointPolicy(definition.Checkpoints.EveryEpochs, definition.Checkpoints.Interval);
        return TrialRunner.RunAsync(workload.Workload!, spec, checkpoints, environment, host, preemption, abort);
    }

    /// <summary>The runner's settings from the definition's. In key-value mode the objective is the metric a step
    /// waits for, as Katib's collector reads its objective.</summary>
    public static CommandWorkload ToCommandWorkload(CommandSection command, string objective)
    {
        var metrics = CommandMetricsFormat.Parse(command.Metrics);
        if (metrics.Kind == CommandMetricsKind.KeyValue) metrics = CommandMetricsFormat.KeyValue(objective);
        return new CommandWorkload(command.Command, command.WorkingDirectory, command.Environment, metrics)
        {
            StderrLinesKept = command.StderrLines,
            StopGrace = command.StopGrace,
            Steps = command.ConsecutiveSteps ? CommandStepRule.Consecutive : CommandStepRule.Increasing,
            Evaluate = command.Evaluate,
        };
    }

    /// <summary>The program's log (its other stdout lines, its stderr, Tuner's notes) in the worker's log.</summary>
    private sealed class LogLines(ILogger logger, long trialId) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => logger.LogInformation("Trial {TrialId} program: {Line}", trialId, value);
    }
}
