using System.Runtime.InteropServices;

namespace Tuner.Scheduling.Workers;

/// <summary>POSIX signals for child processes: SIGTERM asks a worker to hand its trial back; SIGKILL is a crash.</summary>
public static class ProcessSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {errno}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
