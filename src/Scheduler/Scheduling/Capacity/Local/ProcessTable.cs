using System.Globalization;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>Reads /proc: whether a process id still names the process that was started, and not a zombie.</summary>
public static class ProcessTable
{
    /// <summary>The start time (clock ticks since boot) of a live process, or null when it is gone or a zombie.</summary>
    public static long? StartTicks(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // pid (comm) state ppid ... : comm may hold spaces and parentheses, so fields are counted after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields[0] is "Z" or "X") return null;
        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    public static bool IsAlive(int processId, long startTicks) => StartTicks(processId) == startTicks;
}
