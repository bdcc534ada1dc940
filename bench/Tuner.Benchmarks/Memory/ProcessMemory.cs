namespace Tuner.Benchmarks.Memory;

/// <summary>This process's resident memory from /proc/self/status (Linux): VmRSS now and VmHWM, its peak so far.</summary>
public readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Read()
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = KiloBytes(line) * 1024;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = KiloBytes(line) * 1024;
        }
        return new ProcessMemory(rss, hwm);
    }

    public static double MiB(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    // "VmRSS:	  123456 kB"
    private static long KiloBytes(string line) => long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
