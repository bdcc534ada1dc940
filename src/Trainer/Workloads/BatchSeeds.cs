namespace Tuner.Trainer.Workloads;

/// <summary>The seeds the built-in workloads draw from: one per (trial seed, epoch, batch), so every step is a pure
/// function of the position and a resumed session continues exactly.</summary>
internal static class BatchSeeds
{
    /// <summary>A well-mixed 31-bit seed for one (trial seed, epoch, batch); -1 marks "not a batch" (initialization,
    /// shuffling).</summary>
    public static int Of(int seed, int epoch, int batch)
    {
        var h = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)epoch * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)batch * 0x165667B19E3779F9UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)(h & 0x7FFF_FFFF);
    }
}
