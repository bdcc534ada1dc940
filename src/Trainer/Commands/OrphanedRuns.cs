using System.Globalization;

namespace Tuner.Trainer.Commands;

/// <summary>
/// Command runs whose worker died without stopping them (SIGKILL, the OOM killer, a crash): their program, and what it
/// started, would otherwise run on unwatched. Each run's folder names its worker in a file (process id and start time,
/// so that a reused process id is not taken for it). Before a command starts, every run folder in the temporary folder
/// whose worker is gone is reaped: its processes are killed (<see cref="RunProcesses"/>) and the folder deleted. A killed
/// worker's program is thus stopped when the next command trial starts on the machine, which is when its trial resumes
/// there. Linux only (/proc); elsewhere nothing is recorded or reaped.
/// </summary>
internal static class OrphanedRuns
{
    public const string OwnerFile = "worker";

    /// <summary>Records this process as the owner of the run in <paramref name="runRoot"/>.</summary>
    public static void Claim(string runRoot)
    {
        if (!OperatingSystem.IsLinux()) return;
        var pid = Environment.ProcessId;
        File.WriteAllText(Path.Combine(runRoot, OwnerFile), $"{pid} {StartTicks(pid)}\n");
    }

    /// <summary>Kills the processes of every run whose worker is gone and deletes its folder; <paramref name="log"/>
    /// gets one line per run reaped.</summary>
    public static void Reap(Action<string> log)
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), CommandRunPaths.FolderPrefix + "*"))
        {
            if (ReadOwner(root) is not { } owner || IsAlive(owner.Pid, owner.StartTicks)) continue;
            var killed = RunProcesses.KillAll(Path.Combine(root, CommandRunPaths.CheckpointFolder));
            log($"[tuner] worker pid {owner.Pid} is gone and left its command run in {root}: " +
                (killed.Count == 0 ? "nothing still running; folder deleted" : $"killed pid {string.Join(", ", killed)}; folder deleted"));
            CommandRunPaths.DeleteFolder(root);
        }
    }

    private static (int Pid, long StartTicks)? ReadOwner(string root)
    {
        try
        {
            var parts = File.ReadAllText(Path.Combine(root, OwnerFile)).Split(' ', StringSplitOptions.TrimEntries);
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (pid, ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // A folder being created, deleted, or another user's.
        }
    }

    private static bool IsAlive(int pid, long startTicks) => StartTicks(pid) == startTicks;

    /// <summary>The process's start time in clock ticks since boot (/proc/PID/stat, field 22), or -1 when it is gone.</summary>
    private static long StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 2 (the command name) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
