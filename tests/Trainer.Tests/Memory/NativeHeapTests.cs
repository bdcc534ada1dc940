using System.Runtime.InteropServices;
using Tuner.Trainer.Memory;

namespace Tuner.Trainer.Tests.Memory;

public sealed class NativeHeapTests
{
    private const int BlockSize = 64 * 1024;

    [Fact]
    public void ReleaseFreeMemory_GivesBackPagesThatMallocHoldsFree()
    {
        // 64 KiB blocks stay below glibc's smallest mmap threshold, so they live in an arena (AllocHGlobal is malloc);
        // a small block after each keeps them from merging into the arena's top, which free() would trim by itself.
        var blocks = new List<nint>();
        var pins = new List<nint>();
        var ones = Enumerable.Repeat((byte)1, BlockSize).ToArray();
        for (var i = 0; i < 64; i++)
        {
            blocks.Add(Marshal.AllocHGlobal(BlockSize));
            pins.Add(Marshal.AllocHGlobal(16));
        }
        foreach (var block in blocks) Marshal.Copy(ones, 0, block, BlockSize);
        foreach (var block in blocks) Marshal.FreeHGlobal(block);

        try
        {
            Assert.True(NativeHeap.ReleaseFreeMemory());
        }
        finally
        {
            foreach (var pin in pins) Marshal.FreeHGlobal(pin);
        }
    }
}
