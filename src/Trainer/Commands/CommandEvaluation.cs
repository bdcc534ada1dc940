using Tuner.Workloads;

namespace Tuner.Trainer.Commands;

/// <summary>
/// Re-scores a command trial's stored checkpoint, as <see cref="WorkloadEvaluation"/> does for a workload that runs
/// in-process: the workload's <see cref="CommandWorkload.Evaluate"/> program runs once, on the checkpoint unpacked into a
/// fresh <c>TUNER_CHECKPOINT_DIR</c>, and prints the metrics. The program's side is docs/command-workload.md,
/// "Evaluating a checkpoint".
/// </summary>
public static class CommandEvaluation
{
    /// <summary>
    /// Runs the workload's evaluate command once on a stored checkpoint and returns the metrics it printed.
    /// </summary>
    /// <remarks>
    /// The program gets the training program's environment (<see cref="CommandEnvironment"/>) for <paramref name="spec"/>,
    /// with <c>TUNER_RESUME_STEP</c> the checkpoint's step, <c>TUNER_MAX_STEPS</c> the spec's max epochs, no
    /// <c>TUNER_TRIAL_ID</c>, and <c>TUNER_EVALUATE=1</c>. It prints its metrics as training does
    /// (<see cref="CommandWorkload.MetricsFormat"/>), a step optional; the last value of each metric wins, and it must exit
    /// with 0. Every failure is a <see cref="WorkloadException"/>. Cancelling <paramref name="ct"/> stops the program as a
    /// prune does (stop file, SIGTERM, SIGKILL after <see cref="CommandWorkload.StopGrace"/>) and throws
    /// <see cref="OperationCanceledException"/>. The temporary folder is deleted however it ends.
    /// </remarks>
    /// <param name="checkpoint">The checkpoint as a command trial stored it (a <see cref="TrialCheckpoint"/> holding the
    /// <see cref="DirectoryArchive"/> of the program's checkpoint directory), already verified and decompressed.</param>
    public static async Task<IReadOnlyDictionary<string, double>> EvaluateAsync(
        CommandWorkload workload, TrialSpec spec, TrainingEnvironment environment, Stream checkpoint, CancellationToken ct)
    {
        if (workload.Evaluate is not { } evaluate)
            throw new WorkloadException("the command workload names no `evaluate` command, so its checkpoints cannot be re-scored");
        var saved = await ReadAsync(checkpoint, ct);
        try
        {
            var (argv, workingDirectory) = CommandTrialRunner.Prepare(workload, evaluate, "evaluate command", spec);
            var format = workload.MetricsFormat;
            var metricsFile = format.Kind == CommandMetricsKind.File ? Path.GetFullPath(format.FilePath!, workingDirectory) : null;
            using var paths = CommandRunPaths.Create(metricsFile);
            CommandTrialRunner.Restore(saved, paths.CheckpointDirectory, "the checkpoint");
            var start = CommandTrialRunner.StartInfo(workload, argv, workingDirectory, spec, environment, paths, saved.Position.Epoch, trialId: null);
            start.Environment[CommandVariables.Evaluate] = "1";
            ct.ThrowIfCancellationRequested();

            await using var process = CommandProcess.Start(start, metricsFile, workload.StderrLinesKept, _ => { });
            var (metrics, exitCode) = await ReadMetricsAsync(workload, process, paths, ct);
            if (exitCode != 0)
                throw new WorkloadException($"the evaluate command's program '{argv[0]}' {CommandRun.DescribeExit(exitCode)}{process.Stderr.Describe()}");
            if (metrics.Count == 0)
            {
                throw new WorkloadException(
                    $"the evaluate command's program '{argv[0]}' exited without printing any metrics ({Expected(format, metricsFile)}){process.Stderr.Describe()}");
            }
            return metrics;
        }
        catch (TrialFailedException e)
        {
            throw new WorkloadException(e.Message, e);
        }
    }

    private static async Task<TrialCheckpoint> ReadAsync(Stream checkpoint, CancellationToken ct)
    {
        TrialCheckpoint saved;
        try
        {
            saved = await TrialCheckpoint.ReadAsync(checkpoint, ct);
        }
        catch (InvalidDataException e)
        {
            throw new WorkloadException($"the checkpoint cannot be read: {e.Message}", e);
        }
        return saved.Workload == CommandWorkload.Kind
            ? saved
            : throw new WorkloadException($"the checkpoint must be a command trial's, but it is for workload '{saved.Workload}'");
    }

    /// <summary>Every metric the program printed (the last value of each) and its exit code; a malformed metrics line
    /// kills it and fails.</summary>
    private static async Task<(Dictionary<string, double> Metrics, int ExitCode)> ReadMetricsAsync(
        CommandWorkload workload, CommandProcess process, CommandRunPaths paths, CancellationToken ct)
    {
        var parse = CommandRun.Parser(workload.MetricsFormat, requireStep: false);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var exitCode = -1;
        try
        {
            await foreach (var e in process.Events.ReadAllAsync(ct))
            {
                if (e is ProgramEvent.Exited exited) exitCode = exited.ExitCode;
                if (e is not ProgramEvent.Line line) continue;
                ReportedMetrics? reported;
                try
                {
                    reported = parse(line.Text);
                }
                catch (FormatException error)
                {
                    process.KillTree();
                    throw new WorkloadException(CommandRun.Malformed(workload.MetricsFormat, paths.MetricsFile, line.Text, error.Message), error);
                }
                if (reported is null) continue;
                foreach (var (name, value) in reported.Metrics) metrics[name] = value;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await process.StopAsync(paths.StopFile, workload.StopGrace, letItFinish: false);
            throw;
        }
        return (metrics, exitCode);
    }

    private static string Expected(CommandMetricsFormat format, string? metricsFile) => format.Kind switch
    {
        CommandMetricsKind.Json => "expected a JSON line like {\"tuner\": {\"<metric>\": ...}} on stdout",
        CommandMetricsKind.KeyValue when format.MetricNames is { Count: > 0 } names =>
            $"expected a line like {string.Join(' ', names.Select(n => n + "=0.5"))} on stdout",
        CommandMetricsKind.KeyValue => "expected a line like <metric>=0.5 on stdout",
        _ => $"expected a JSON line like {{\"tuner\": {{\"<metric>\": ...}}}} in {metricsFile}",
    };
}
