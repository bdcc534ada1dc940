namespace Tuner.TestSupport;

/// <summary>Whether a process the test started, or expects gone, is still running.</summary>
public static class ProcessState
{
    /// <summary>True while the process exists and is not a zombie (a killed process may wait for a reaper; Linux /proc).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
