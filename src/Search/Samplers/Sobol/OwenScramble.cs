namespace Tuner.Search.Samplers.Sobol;

/// <summary>
/// Hash-based nested uniform (Owen) scrambling of a 32-bit fraction (B. Burley, Practical Hash-based Owen
/// Scrambling, JCGT 9(4), 2020): reverse the bits, apply the Laine-Karras permutation (each bit flipped by a
/// function of the bits below it only), reverse back, so each digit is flipped by a function of the digits
/// above it, as Owen's scrambling does. Scrambled points keep the net property of the unscrambled ones.
/// </summary>
internal static class OwenScramble
{
    public static uint Apply(uint x, uint seed)
    {
        x = Reverse(x);
        unchecked
        {
            x += seed;
            x ^= x * 0x6C50B47Cu;
            x ^= x * 0xB82F1E52u;
            x ^= x * 0xC7AFE638u;
            x ^= x * 0x8D22F6E6u;
        }

        return Reverse(x);
    }

    private static uint Reverse(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
        return (x >> 16) | (x << 16);
    }
}
