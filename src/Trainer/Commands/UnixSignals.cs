using System.Runtime.InteropServices;

namespace Tuner.Trainer.Commands;

/// <summary>SIGTERM for a command's program (SIGKILL is <see cref="System.Diagnostics.Process.Kill(bool)"/>).</summary>
internal static class UnixSignals
{
    private const int SigTerm = 15;
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Sends SIGTERM to <paramref name="processId"/>; false when it has already exited. On Windows, where there
    /// are no signals, does nothing and returns false (the caller kills the process after the grace period).</summary>
    public static bool Terminate(int processId)
    {
        if (OperatingSystem.IsWindows()) return false;
        if (Kill(processId, SigTerm) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({processId}, SIGTERM) failed with errno {errno}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
