using System.Runtime.InteropServices;

namespace Tuner.Benchmarks.Memory;

/// <summary>glibc's malloc statistics (mallinfo2, glibc ≥ 2.33): bytes the program has allocated, and bytes the
/// allocator holds free in its arenas (resident unless malloc_trim gave their pages back).</summary>
internal static class NativeHeap
{
    public static (long InUse, long HeldFree) Read()
    {
        if (!OperatingSystem.IsLinux()) return (0, 0);
        var info = mallinfo2();
        return ((long)(info.uordblks + info.hblkhd), (long)info.fordblks);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc")]
    private static extern MallInfo2 mallinfo2();
}
