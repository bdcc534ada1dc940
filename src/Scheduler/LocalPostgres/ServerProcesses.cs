using System.Diagnostics;

namespace Tuner.LocalPostgres;

/// <summary>
/// Looks at server processes through Linux's /proc. A postmaster and its children keep the data directory as their
/// working directory, so "/proc/PID/cwd/postmaster.pid" starts like the data directory's own file
/// exactly when PID is one of that cluster's processes. Without /proc, a process that exists counts as live.
/// </summary>
internal static class ServerProcesses
{
    private const string Proc = "/proc";

    public static bool IsLiveServer(int processId, string pidFileIdentity)
    {
        if (!Directory.Exists(Path.Combine(Proc, "self")))
        {
            return Exists(processId);
        }
        if (IsGoneOrZombie(processId))
        {
            return false;
        }
        var seen = ReadThroughWorkingDirectory(processId);
        return seen is null ? ReadCommand(processId) == "postgres" : seen == pidFileIdentity;
    }

    /// <summary>Running (not zombie) processes whose working directory holds a postmaster.pid with this identity.</summary>
    public static IReadOnlyList<int> FindServing(string pidFileIdentity)
    {
        if (!Directory.Exists(Path.Combine(Proc, "self")))
        {
            return [];
        }
        return Directory.EnumerateDirectories(Proc)
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && !IsGoneOrZombie(pid))
            .Where(pid => ReadThroughWorkingDirectory(pid) == pidFileIdentity)
            .ToList();
    }

    private static bool IsGoneOrZombie(int processId)
    {
        var stat = TryRead(Path.Combine(Proc, processId.ToString(), "stat"));
        if (stat is null)
        {
            return true;
        }
        var afterName = stat.LastIndexOf(')');
        var state = afterName >= 0 && afterName + 2 < stat.Length ? stat[afterName + 2] : '?';
        return state is 'Z' or 'X' or 'x';
    }

    private static string? ReadThroughWorkingDirectory(int processId) =>
        TryRead(Path.Combine(Proc, processId.ToString(), "cwd", PostmasterPidFile.FileName)) is { } content
            ? PostmasterPidFile.IdentityOf(content)
            : null;

    private static string? ReadCommand(int processId) =>
        TryRead(Path.Combine(Proc, processId.ToString(), "comm"))?.Trim();

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Exists(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
