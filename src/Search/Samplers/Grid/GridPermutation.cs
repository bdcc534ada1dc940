using System.Numerics;

namespace Tuner.Search.Samplers.Grid;

/// <summary>
/// A seeded pseudo-random permutation of 0 .. size-1 that needs no memory: a four-round Feistel network on the
/// smallest even number of bits that covers size, walked along its cycle until the result falls below size
/// ("cycle walking"; Black and Rogaway, Ciphers with Arbitrary Finite Domains, 2002). Round keys come from
/// <see cref="TrialRandom"/> with (seed, 0, "grid-permutation"); the round function is the SplitMix64 finalizer.
/// </summary>
internal sealed class GridPermutation
{
    private const int Rounds = 4;
    private readonly long size;
    private readonly int halfBits;
    private readonly ulong mask;
    private readonly ulong[] keys = new ulong[Rounds];

    public GridPermutation(long size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, GridLayout.MaxSize);
        this.size = size;
        var bits = 64 - BitOperations.LeadingZeroCount((ulong)(size - 1));
        halfBits = Math.Max(1, (bits + 1) / 2);
        mask = (1UL << halfBits) - 1;
        var random = TrialRandom.For(seed, 0, "grid-permutation");
        for (var i = 0; i < Rounds; i++)
        {
            keys[i] = random.NextUInt64();
        }
    }

    /// <summary>The grid index visited at <paramref name="position"/> of the shuffled order.</summary>
    public long At(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, size);
        var x = (ulong)position;
        do
        {
            x = Encrypt(x);
        }
        while (x >= (ulong)size);
        return (long)x;
    }

    private ulong Encrypt(ulong x)
    {
        var (left, right) = (x >> halfBits, x & mask);
        foreach (var key in keys)
        {
            (left, right) = (right, left ^ (Mix(right ^ key) & mask));
        }

        return (left << halfBits) | right;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
