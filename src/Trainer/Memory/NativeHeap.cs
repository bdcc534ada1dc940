using System.Runtime.InteropServices;

namespace Tuner.Trainer.Memory;

/// <summary>
/// Hands the C allocator's free memory back to the operating system. libtorch keeps tensor storage in glibc's malloc,
/// which holds on to what is freed: its mmap threshold rises to the largest block freed so far, so later tensors of
/// that size come from its arenas instead of their own mappings, and each thread that allocates may get an arena of
/// its own. A worker trains trial after trial with different layer and batch sizes, and the memory held free grows
/// with every new shape (docs/benchmarks.md, "Worker memory"). <c>malloc_trim(0)</c> returns the free pages of every
/// arena; the memory stays reserved, so the next trial reuses it at the cost of page faults.
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns the allocator's free pages to the system. True when some were returned; false when there were
    /// none, or where the C library is not glibc (nothing to do there).</summary>
    public static bool ReleaseFreeMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return malloc_trim(0) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library without malloc_trim (musl)
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
