using System.Diagnostics;

namespace Tuner.Scheduler.Workers;

/// <summary>
/// `tuner worker` child processes on this machine, their output going to log files. Stopping sends SIGTERM, so running
/// trials checkpoint and go back to the queue.
/// </summary>
public sealed class LocalWorkerPool : IAsyncDisposable
{
    private readonly List<Process> processes = [];

    private LocalWorkerPool(string logDirectory) => LogDirectory = logDirectory;

    public string LogDirectory { get; }

    public IReadOnlyList<Process> Processes => processes;

    public static LocalWorkerPool Start(int count, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        var pool = new LocalWorkerPool(logDirectory);
        for (var i = 1; i <= count; i++)
        {
            pool.StartOne(i, environment);
        }

        return pool;
    }

    private void StartOne(int index, IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(SelfProcess.StartInfo(["worker"], environment))
            ?? throw new InvalidOperationException("could not start a worker process");
        var log = new StreamWriter(Path.Combine(LogDirectory, $"worker-{index}.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    public async Task StopAsync(TimeSpan grace)
    {
        foreach (var process in processes.Where(p => !p.HasExited))
        {
            ProcessSignals.Send(process.Id, ProcessSignals.SigTerm);
        }

        using var timeout = new CancellationTokenSource(grace);
        foreach (var process in processes)
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        foreach (var process in processes)
        {
            process.Dispose();
        }
    }
}
