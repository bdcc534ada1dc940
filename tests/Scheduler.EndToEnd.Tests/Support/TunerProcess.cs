using System.Collections.Concurrent;
using System.Diagnostics;
using Tuner.Scheduling.Workers;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Support;

/// <summary>A real `tuner` child process (server or worker) whose output is kept for failure messages.</summary>
public sealed class TunerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private TunerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output => string.Join('\n', output);

    public static TunerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(RepositoryPaths.TunerExecutable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start tuner");
        var started = new TunerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { started.output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { started.output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public void Terminate() => ProcessSignals.Send(process.Id, ProcessSignals.SigTerm);

    public void Kill() => ProcessSignals.Send(process.Id, ProcessSignals.SigKill);

    /// <summary>Waits for exit; returns how long it took, or null if it did not exit in time.</summary>
    public async Task<TimeSpan?> WaitForExitAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return watch.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
