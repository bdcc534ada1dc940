using Tuner.Workloads;

namespace Tuner.Trainer.Commands;

/// <summary>One run of a command's program, from its start to its exit: turns its metrics lines into reports and
/// checkpoints, stops it when the trial is pruned, preempted or done, and decides the outcome from how it ended.</summary>
internal sealed class CommandRun(
    CommandWorkload command, TrialSpec spec, TimeProvider clock, ITrialHost host, CommandProcess process,
    CommandRunPaths paths, string program, Action<string> log, TrainingPosition position, List<EpochReport> history)
{
    /// <summary>Why Tuner is stopping the program, once it is.</summary>
    private enum Stop
    {
        Pruned,
        Preempted,
        MaxStepReached,
    }

    private readonly Func<string, ReportedMetrics?> _parse = Parser(command.MetricsFormat);
    private TrainingPosition _position = position;

    /// <summary>The hash of the directory's last saved (or restored) archive: a preempted run saves it again only if it
    /// changed.</summary>
    private string _savedHash = CommandTrialRunner.HashOf(DirectoryArchive.Create(paths.CheckpointDirectory));
    private int _steps;
    private long _stepStarted = clock.GetTimestamp();
    private Stop? _stop;
    private Task _stopping = Task.CompletedTask;

    public async Task<TrialOutcome> RunAsync(CancellationToken abort)
    {
        int? exitCode = null;
        await foreach (var e in process.Events.ReadAllAsync(abort))
        {
            switch (e)
            {
                case ProgramEvent.Line line:
                    await OnLineAsync(line.Text, abort);
                    break;
                case ProgramEvent.PreemptionNotice when _stop is null:
                    log("[tuner] preemption notice: stopping the program");
                    BeginStop(Stop.Preempted, letItFinish: false);
                    break;
                case ProgramEvent.Exited exited:
                    exitCode = exited.ExitCode;
                    break;
            }
        }
        await _stopping.WaitAsync(abort);

        switch (_stop)
        {
            case Stop.Pruned:
                return Outcome(TrialOutcomeKind.Pruned);
            case Stop.MaxStepReached:
                return Outcome(TrialOutcomeKind.Completed);
            case Stop.Preempted:
                var state = await SnapshotAsync();
                if (state.Length > 0 && CommandTrialRunner.HashOf(state) != _savedHash) await SaveAsync(state, abort);
                return Outcome(TrialOutcomeKind.Preempted);
        }

        if (exitCode != 0) throw new TrialFailedException($"the program '{program}' {DescribeExit(exitCode ?? -1)}{process.Stderr.Describe()}");
        if (history.Count == 0)
            throw new TrialFailedException($"the program exited without reporting any metrics ({Expected()}){process.Stderr.Describe()}");
        return Outcome(TrialOutcomeKind.Completed);
    }

    private async Task OnLineAsync(string line, CancellationToken abort)
    {
        ReportedMetrics? reported;
        try
        {
            reported = _parse(line);
        }
        catch (FormatException e)
        {
            process.KillTree();
            throw new TrialFailedException(Malformed(line, e.Message), e);
        }

        if (reported is null)
        {
            if (command.MetricsFormat.Kind != CommandMetricsKind.File) log(line);
            return;
        }
        if (_stop is Stop.Pruned or Stop.MaxStepReached) return;

        var last = _position.Epoch;
        var step = reported.Step ?? last + 1;
        if (step <= last)
        {
            log($"[tuner] step {step} ignored: step {last} is already reported");
            return;
        }
        if (command.Steps == CommandStepRule.Consecutive && step != last + 1)
        {
            process.KillTree();
            throw new TrialFailedException(Malformed(line, $"step {step} follows step {last}, but steps must be consecutive"));
        }

        // The program wrote this step's checkpoint before printing its line: copy it before it moves on.
        var state = await SnapshotAsync();
        var report = new EpochReport(step, reported.Metrics, clock.GetElapsedTime(_stepStarted));
        _stepStarted = clock.GetTimestamp();
        history.Add(report);
        _position = new TrainingPosition(step, 0);
        _steps++;

        if (await host.ReportAsync(report, abort) == PruneDecision.Prune)
        {
            log($"[tuner] pruned at step {step}: stopping the program");
            _stop = Stop.Pruned;
            if (_stopping.IsCompleted) BeginStop(Stop.Pruned, letItFinish: false);
            return;
        }

        abort.ThrowIfCancellationRequested();
        await SaveAsync(state, abort);
        if (step >= spec.MaxEpochs && _stop is null)
        {
            log($"[tuner] max step {spec.MaxEpochs} reached at step {step}: the program has {command.StopGrace.TotalSeconds:0.###} s to exit");
            BeginStop(Stop.MaxStepReached, letItFinish: true);
        }
    }

    private void BeginStop(Stop why, bool letItFinish)
    {
        _stop = why;
        _stopping = process.StopAsync(paths.StopFile, command.StopGrace, letItFinish);
    }

    /// <summary>The checkpoint directory's archive; a file the program deletes while it is read is read again.</summary>
    private async Task<byte[]> SnapshotAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return DirectoryArchive.Create(paths.CheckpointDirectory);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TrialFailedException($"the checkpoint directory could not be copied at step {_position.Epoch}: {e.Message}", e);
            }
        }
    }

    private async Task SaveAsync(byte[] state, CancellationToken ct)
    {
        using var content = new MemoryStream();
        await new TrialCheckpoint(CommandWorkload.Kind, spec.Seed, _position, history.ToList(), PartialEpoch.Empty, state).WriteToAsync(content, ct);
        content.Position = 0;
        await host.SaveCheckpointAsync(_position, content, ct);
        _savedHash = CommandTrialRunner.HashOf(state);
    }

    private TrialOutcome Outcome(TrialOutcomeKind kind) => new(kind, _position, _steps, history.ToList());

    private string Malformed(string line, string reason) => Malformed(command.MetricsFormat, paths.MetricsFile, line, reason);

    /// <summary>The failure for a metrics line that cannot be read, quoting the line (cut to
    /// <see cref="StderrTail.MaxLineLength"/> characters).</summary>
    internal static string Malformed(CommandMetricsFormat format, string? metricsFile, string line, string reason)
    {
        var shown = line.Length > StderrTail.MaxLineLength ? string.Concat(line.AsSpan(0, StderrTail.MaxLineLength), "…") : line;
        return format.Kind == CommandMetricsKind.File
            ? $"the metrics file {metricsFile} has a malformed line ({reason}): {shown}"
            : $"the program printed a malformed metrics line ({reason}): {shown}";
    }

    private string Expected() => command.MetricsFormat.Kind switch
    {
        CommandMetricsKind.Json => "expected JSON lines like {\"tuner\": {\"step\": 1, \"<metric>\": ...}} on stdout",
        CommandMetricsKind.KeyValue => "expected lines like step=1 <metric>=0.5 on stdout",
        _ => $"expected JSON lines like {{\"tuner\": {{\"step\": 1, \"<metric>\": ...}}}} in {paths.MetricsFile}",
    };

    /// <summary>"exited with code 1", or for 128 + a signal's number (as .NET reports a death by signal, and as a shell
    /// reports it) "was killed by signal 9 (SIGKILL) (exit code 137; ...)".</summary>
    internal static string DescribeExit(int exitCode)
    {
        if (exitCode is <= 128 or > 128 + 64) return $"exited with code {exitCode}";
        var signal = exitCode - 128;
        string? name = signal switch
        {
            1 => "SIGHUP",
            2 => "SIGINT",
            3 => "SIGQUIT",
            4 => "SIGILL",
            6 => "SIGABRT",
            7 => "SIGBUS",
            8 => "SIGFPE",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            13 => "SIGPIPE",
            15 => "SIGTERM",
            _ => null,
        };
        var hint = signal == 9 ? "; the kernel's out-of-memory killer sends SIGKILL" : "";
        return $"was killed by signal {signal}{(name is null ? "" : $" ({name})")} (exit code {exitCode}{hint})";
    }

    /// <summary>Reads one line of <paramref name="format"/>'s source: its metrics, null for a line that is not (or does
    /// not complete) a metrics line, or <see cref="FormatException"/>. A JSON line may leave out its step unless
    /// <paramref name="requireStep"/>.</summary>
    internal static Func<string, ReportedMetrics?> Parser(CommandMetricsFormat format, bool requireStep = true) => format.Kind switch
    {
        CommandMetricsKind.Json => line => JsonMetricsLine.IsCandidate(line) ? JsonMetricsLine.Parse(line, requireStep) : null,
        CommandMetricsKind.KeyValue => new KeyValueMetricsParser(format.MetricNames).Read,
        _ => line => string.IsNullOrWhiteSpace(line) ? null : JsonMetricsLine.Parse(line, requireStep),
    };
}
