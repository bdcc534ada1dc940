using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Tuner.Trainer.Commands;

/// <summary>What a running command's program does, in the order it happens: a line from the metrics source, a
/// preemption notice (posted by the runner), its exit (always last).</summary>
internal abstract record ProgramEvent
{
    public sealed record Line(string Text) : ProgramEvent;

    public sealed record PreemptionNotice : ProgramEvent;

    public sealed record Exited(int ExitCode) : ProgramEvent;
}

/// <summary>
/// A command's program, started with its stdout, stderr and stdin redirected. Lines of the metrics source (stdout, or
/// the metrics file when the run has one) arrive as <see cref="Events"/>; stderr goes to the
/// log and <see cref="Stderr"/>; stdout that is not the metrics source goes to the log. Disposing kills the process
/// tree if the program still runs.
/// </summary>
internal sealed class CommandProcess : IAsyncDisposable
{
    /// <summary>How long, after the program exits, its output may take to reach its end (a child it left behind
    /// can hold the pipe open; its later output is dropped).</summary>
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Channel<ProgramEvent> _events = Channel.CreateUnbounded<ProgramEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<string> _log;
    private readonly Task _exited;
    private readonly Task _watcher;

    private CommandProcess(Process process, string? metricsFile, int stderrLinesKept, Action<string> log)
    {
        _process = process;
        _log = log;
        Stderr = new StderrTail(stderrLinesKept);
        Id = process.Id;
        _exited = process.WaitForExitAsync();
        var metricsFromStdout = metricsFile is null;
        var stdout = Task.Run(() => PumpAsync(process.StandardOutput, line =>
        {
            if (metricsFromStdout) Post(new ProgramEvent.Line(line));
            else log(line);
        }));
        var stderr = Task.Run(() => PumpAsync(process.StandardError, line =>
        {
            Stderr.Add(line);
            log("[stderr] " + line);
        }));
        var tail = metricsFile is null
            ? Task.CompletedTask
            : Task.Run(() => MetricsFileTail.FollowAsync(metricsFile, _exited, line => Post(new ProgramEvent.Line(line))));
        _watcher = WatchAsync(Task.WhenAll(stdout, stderr, tail));
    }

    public int Id { get; }

    public StderrTail Stderr { get; }

    public ChannelReader<ProgramEvent> Events => _events.Reader;

    public bool HasExited => _exited.IsCompleted;

    /// <summary>Starts the program; a failure to start it (not executable, a script without an interpreter line)
    /// becomes a <see cref="TrialFailedException"/> naming it.</summary>
    public static CommandProcess Start(ProcessStartInfo start, string? metricsFile, int stderrLinesKept, Action<string> log)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new TrialFailedException($"the command's program '{start.FileName}' could not be started: {e.Message}", e);
        }
        return new CommandProcess(process, metricsFile, stderrLinesKept, log);
    }

    public bool Post(ProgramEvent e) => _events.Writer.TryWrite(e);

    /// <summary>Asks the program to stop: creates <paramref name="stopFile"/>, writes "stop" to its stdin and closes
    /// it, then (after waiting <paramref name="grace"/> for it to exit by itself when <paramref name="letItFinish"/>)
    /// sends SIGTERM, and SIGKILLs the process tree if it is still running <paramref name="grace"/> later. Returns
    /// when the program has exited.</summary>
    public async Task StopAsync(string stopFile, TimeSpan grace, bool letItFinish)
    {
        try
        {
            await File.WriteAllTextAsync(stopFile, "stop\n");
        }
        catch (IOException e)
        {
            _log($"[tuner] could not create the stop file {stopFile}: {e.Message}");
        }
        try
        {
            await _process.StandardInput.WriteLineAsync("stop");
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The program closed its stdin or has exited.
        }

        if (letItFinish && await ExitsWithinAsync(grace)) return;
        if (HasExited) return;
        UnixSignals.Terminate(Id);
        if (await ExitsWithinAsync(grace)) return;
        _log($"[tuner] the program (pid {Id}) is still running {grace.TotalSeconds:0.###} s after SIGTERM: SIGKILL");
        KillTree();
        await _exited;
    }

    /// <summary>SIGKILLs the program and every process it started that is still its descendant.</summary>
    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited) KillTree();
        try
        {
            await _watcher.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _log($"[tuner] the program (pid {Id}) did not exit 10 s after SIGKILL");
        }
        _process.Dispose();
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan time)
    {
        try
        {
            await _exited.WaitAsync(time);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task WatchAsync(Task output)
    {
        await _exited;
        await Task.WhenAny(output, Task.Delay(OutputDrainTimeout));
        _events.Writer.TryWrite(new ProgramEvent.Exited(_process.ExitCode));
        _events.Writer.TryComplete();
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line) onLine(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process.
        }
    }
}
