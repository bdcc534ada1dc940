using System.Text;

namespace Tuner.Search.Samplers;

/// <summary>
/// A SplitMix64 generator whose start is derived from (seed, trial number, stream name) alone, so a sampler draws the
/// same numbers for the same trial in any process. Mixing: s = F(F(F(seed) ^ trialNumber) ^ FNV-1a-64(UTF-8 stream)),
/// where F is the SplitMix64 finalizer applied to x + 0x9E3779B97F4A7C15; seed and trial number enter as their
/// 32-bit two's-complement patterns. The stream (a parameter name) keeps parameters independent of each other.
/// </summary>
internal sealed class TrialRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong state;

    private TrialRandom(ulong state) => this.state = state;

    public static TrialRandom For(int seed, int trialNumber, string stream)
    {
        var mixed = Finalize(Finalize(Finalize((uint)seed) ^ (uint)trialNumber) ^ Fnv1a(stream));
        return new TrialRandom(mixed);
    }

    public ulong NextUInt64()
    {
        state = unchecked(state + Golden);
        return Scramble(state);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, inclusiveMax], unbiased (rejection sampling).</summary>
    public ulong NextUInt64(ulong inclusiveMax)
    {
        if (inclusiveMax == ulong.MaxValue)
        {
            return NextUInt64();
        }

        var range = inclusiveMax + 1;
        var limit = ulong.MaxValue - (ulong.MaxValue % range + 1) % range;
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw > limit);
        return draw % range;
    }

    private static ulong Finalize(ulong x) => Scramble(unchecked(x + Golden));

    private static ulong Scramble(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 0x100000001B3UL);
        }

        return hash;
    }
}
