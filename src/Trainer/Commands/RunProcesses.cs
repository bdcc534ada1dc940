using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tuner.Workloads;

namespace Tuner.Trainer.Commands;

/// <summary>
/// The processes of one command run: the program and everything it started, found by the run's checkpoint directory in
/// their environment (<c>TUNER_CHECKPOINT_DIR</c>, which the program's children inherit). Linux only (/proc); elsewhere
/// none are found.
/// Why the environment and not the process tree or a process group: a program's children outlive it, reparented to
/// init, so the tree no longer leads to them; .NET cannot start a program in a process group of its own without an extra
/// exec (<c>setsid</c>) that would turn "could not be started" into an exit code; and PR_SET_PDEATHSIG follows the thread
/// that forked, which in .NET is a thread-pool thread that may retire while the program still runs.
/// </summary>
internal static class RunProcesses
{
    /// <summary>SIGKILLs every process of the run whose checkpoint directory is <paramref name="checkpointDirectory"/>,
    /// this process excepted; returns their ids.</summary>
    public static IReadOnlyList<int> KillAll(string checkpointDirectory)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var marker = Encoding.UTF8.GetBytes($"{CommandVariables.CheckpointDirectory}={checkpointDirectory}\0");
        var killed = new List<int>();
        foreach (var pid in ProcessIds())
        {
            if (pid == Environment.ProcessId || !HasInEnvironment(pid, marker)) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                killed.Add(pid);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited meanwhile, or it is not ours to kill.
            }
        }
        return killed;
    }

    private static IEnumerable<int> ProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static bool HasInEnvironment(int pid, byte[] marker)
    {
        try
        {
            var environment = File.ReadAllBytes($"/proc/{pid}/environ");
            // Each variable ends with NUL; a match must start a variable (at 0 or after a NUL).
            var span = environment.AsSpan();
            for (var at = span.IndexOf(marker); at >= 0; at = NextMatch(span, marker, at))
            {
                if (at == 0 || span[at - 1] == 0) return true;
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // Gone, or another user's.
        }
    }

    private static int NextMatch(ReadOnlySpan<byte> span, byte[] marker, int previous)
    {
        var next = span[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }
}
