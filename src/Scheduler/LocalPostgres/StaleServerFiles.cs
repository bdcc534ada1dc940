using Microsoft.Extensions.Logging;

namespace Tuner.LocalPostgres;

/// <summary>
/// Clears what a killed server left behind (postmaster.pid and the socket lock) once none of its processes runs,
/// so neither a zombie nor a reused PID blocks the next start.
/// </summary>
internal static class StaleServerFiles
{
    private static readonly TimeSpan ChildExitLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(100);

    public static async Task RemoveAsync(PostmasterPidFile pidFile, string dataDirectory, ILogger logger, CancellationToken ct)
    {
        logger.LogWarning(
            "Removing stale {PidFile} of server PID {ProcessId}, which no longer runs", pidFile.Path, pidFile.ProcessId);
        await WaitForOrphanedChildrenAsync(pidFile, ct);
        File.Delete(pidFile.Path);
        foreach (var socketFile in Directory.EnumerateFiles(dataDirectory, ".s.PGSQL.*"))
        {
            File.Delete(socketFile);
        }
    }

    // Children of a SIGKILLed postmaster exit on their own soon after it; starting before they do would let two
    // generations of processes share the data directory.
    private static async Task WaitForOrphanedChildrenAsync(PostmasterPidFile pidFile, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ChildExitLimit);
        IReadOnlyList<int> survivors;
        while ((survivors = ServerProcesses.FindServing(pidFile.Identity)).Count > 0)
        {
            try
            {
                await Task.Delay(PollDelay, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new LocalPostgresException(
                    $"processes {string.Join(", ", survivors)} of the killed server that wrote '{pidFile.Path}' " +
                    $"still run after {ChildExitLimit.TotalSeconds:0} s; stop them before starting the cluster again");
            }
        }
    }
}
