using System.Diagnostics;
using System.Security.Cryptography;
using Tuner.Workloads;

namespace Tuner.Trainer.Commands;

/// <summary>
/// The trial loop of a <c>command</c> workload: restore the latest checkpoint into a fresh checkpoint directory → start
/// the program → for each step it reports, copy the directory, report the step, and checkpoint → until it exits, is
/// pruned, reaches the trial's max steps, or is preempted. The program's side of the contract is
/// docs/command-workload.md.
/// </summary>
public static class CommandTrialRunner
{
    /// <summary>
    /// Runs one trial of <paramref name="command"/> with <paramref name="spec"/>'s parameters (<see cref="TrialSpec.MaxEpochs"/>
    /// is the max step, <see cref="TrialSpec.Options"/> is not used) until the program:
    /// <list type="bullet">
    /// <item>exits with 0 after at least one step was reported (earlier runs count): <see cref="TrialOutcomeKind.Completed"/>;</item>
    /// <item>reports step <see cref="TrialSpec.MaxEpochs"/> or beyond: <see cref="TrialOutcomeKind.Completed"/>, and the program is given
    /// <see cref="CommandWorkload.StopGrace"/> to exit by itself before it is stopped as for a prune;</item>
    /// <item>is pruned by <paramref name="host"/>: stop file, SIGTERM, <see cref="CommandWorkload.StopGrace"/>, SIGKILL of the
    /// process tree, <see cref="TrialOutcomeKind.Pruned"/>;</item>
    /// <item>is preempted (<paramref name="preemption"/>): stopped the same way, its steps printed meanwhile still reported, the
    /// checkpoint directory saved once more if it changed, <see cref="TrialOutcomeKind.Preempted"/>.</item>
    /// </list>
    /// A non-zero exit, no metrics at all, a malformed metrics line, a program that cannot be found or started: a
    /// <see cref="TrialFailedException"/> whose message is the trial's error. <paramref name="abort"/> kills the process
    /// tree at once and throws <see cref="OperationCanceledException"/> without a checkpoint. Exceptions from
    /// <paramref name="host"/> propagate as they are (the program is killed).
    /// </summary>
    /// <param name="trialId">The trial's id or name, passed to the program as <c>TUNER_TRIAL_ID</c> (unset when null).</param>
    /// <param name="log">Receives the program's stdout lines that are not metrics, its stderr lines (prefixed "[stderr] ")
    /// and Tuner's notes about the run (prefixed "[tuner] "); nothing when null.</param>
    public static async Task<TrialOutcome> RunAsync(
        CommandWorkload command, TrialSpec spec, TrainingEnvironment env, ITrialHost host,
        CancellationToken preemption, CancellationToken abort = default, string? trialId = null, TextWriter? log = null)
    {
        if (spec.MaxEpochs < 1) throw new TrialFailedException($"max_epochs must be at least 1, but got max_epochs={spec.MaxEpochs}");
        var (argv, workingDirectory) = Prepare(command, command.Command, "command", spec);

        var format = command.MetricsFormat;
        var metricsFile = format.Kind == CommandMetricsKind.File ? Path.GetFullPath(format.FilePath!, workingDirectory) : null;
        var writeLog = Logger(log);
        OrphanedRuns.Reap(writeLog);
        using var paths = CommandRunPaths.Create(metricsFile);
        var (position, history) = await ResumeAsync(spec, host, paths.CheckpointDirectory, abort);
        if (preemption.IsCancellationRequested) return new TrialOutcome(TrialOutcomeKind.Preempted, position, 0, history);

        var start = StartInfo(command, argv, workingDirectory, spec, env, paths, position.Epoch, trialId);
        writeLog($"[tuner] starting {start.FileName} (resuming after step {position.Epoch}, max step {spec.MaxEpochs})");
        await using var process = CommandProcess.Start(start, metricsFile, command.StderrLinesKept, writeLog);
        using var notice = preemption.Register(() => process.Post(new ProgramEvent.PreemptionNotice()));
        var run = new CommandRun(command, spec, env.Clock, host, process, paths, argv[0], writeLog, position, history);
        return await run.RunAsync(abort);
    }

    /// <summary>Checks <paramref name="arguments"/> (the workload's <paramref name="name"/>: its command, or its evaluate
    /// command) and the workload's settings before anything starts, and returns the argument vector with
    /// <paramref name="spec"/>'s values in its placeholders and the full path of the working directory. Throws
    /// <see cref="TrialFailedException"/> saying what is wrong.</summary>
    internal static (IReadOnlyList<string> Argv, string WorkingDirectory) Prepare(
        CommandWorkload command, IReadOnlyList<string> arguments, string name, TrialSpec spec)
    {
        if (arguments.Count == 0 || string.IsNullOrEmpty(arguments[0]))
            throw new TrialFailedException($"the {name} must name a program, but its first argument is missing or empty");
        if (command.StopGrace < TimeSpan.Zero) throw new TrialFailedException($"the stop grace period must not be negative, but got {command.StopGrace}");
        var argv = SubstitutePlaceholders(arguments, spec);
        var workingDirectory = Path.GetFullPath(command.WorkingDirectory ?? Environment.CurrentDirectory);
        if (!Directory.Exists(workingDirectory))
            throw new TrialFailedException($"the command's working directory '{command.WorkingDirectory}' does not exist ({workingDirectory})");
        return (argv, workingDirectory);
    }

    /// <summary>How to start <paramref name="argv"/> in <paramref name="workingDirectory"/> with the program's
    /// environment (<see cref="CommandEnvironment"/>); throws <see cref="TrialFailedException"/> when the program cannot be
    /// found (<see cref="ProgramLocator"/>).</summary>
    internal static ProcessStartInfo StartInfo(
        CommandWorkload command, IReadOnlyList<string> argv, string workingDirectory, TrialSpec spec, TrainingEnvironment env,
        CommandRunPaths paths, int resumeStep, string? trialId)
    {
        var start = new ProcessStartInfo { WorkingDirectory = workingDirectory };
        CommandEnvironment.Apply(start.Environment, command, spec, env, paths, resumeStep, trialId);
        start.FileName = ProgramLocator.Locate(argv[0], workingDirectory, start.Environment.TryGetValue("PATH", out var path) ? path : null);
        foreach (var argument in argv.Skip(1)) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Unpacks <paramref name="checkpoint"/>'s copy of a checkpoint directory (<see cref="DirectoryArchive"/>)
    /// into the run's empty <paramref name="checkpointDirectory"/>; a broken archive is a
    /// <see cref="TrialFailedException"/> that calls the checkpoint <paramref name="which"/>.</summary>
    internal static void Restore(TrialCheckpoint checkpoint, string checkpointDirectory, string which)
    {
        try
        {
            DirectoryArchive.Extract(checkpoint.State, checkpointDirectory);
        }
        catch (InvalidDataException e)
        {
            throw new TrialFailedException($"{which} ({checkpoint.Position}) cannot be restored: {e.Message}", e);
        }
    }

    private static IReadOnlyList<string> SubstitutePlaceholders(IReadOnlyList<string> arguments, TrialSpec spec)
    {
        try
        {
            return CommandPlaceholders.Substitute(arguments, spec.Params);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException)
        {
            throw new TrialFailedException(e.Message, e);
        }
    }

    private static async Task<(TrainingPosition, List<EpochReport>)> ResumeAsync(
        TrialSpec spec, ITrialHost host, string checkpointDirectory, CancellationToken ct)
    {
        await using var stream = await host.OpenLatestCheckpointAsync(ct);
        if (stream is null) return (TrainingPosition.Start, []);
        var checkpoint = await TrialCheckpoint.ReadAsync(stream, ct);
        if (checkpoint.Workload != CommandWorkload.Kind || checkpoint.Seed != spec.Seed)
        {
            throw new TrialFailedException(
                $"the latest checkpoint must belong to this trial, but it is for workload='{checkpoint.Workload}', seed={checkpoint.Seed} " +
                $"and the trial is workload='{CommandWorkload.Kind}', seed={spec.Seed}");
        }

        Restore(checkpoint, checkpointDirectory, "the latest checkpoint");
        return (checkpoint.Position, [.. checkpoint.History]);
    }

    private static Action<string> Logger(TextWriter? log)
    {
        if (log is null) return _ => { };
        var gate = new object();
        return line =>
        {
            lock (gate) log.WriteLine(line);
        };
    }

    internal static string HashOf(byte[] state) => state.Length == 0 ? "" : Convert.ToHexStringLower(SHA256.HashData(state));
}
