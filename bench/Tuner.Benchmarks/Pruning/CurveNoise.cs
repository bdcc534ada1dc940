namespace Tuner.Benchmarks.Pruning;

/// <summary>
/// Standard normal noise that depends only on (seed, trial number, step), so a run with pruning and one without
/// see the same curves: two SplitMix64 outputs of the mixed key feed a Box-Muller transform.
/// </summary>
internal static class CurveNoise
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static double StandardNormal(int seed, int trialNumber, int step)
    {
        var state = Mix(Mix(Mix((uint)seed) ^ (uint)trialNumber) ^ (uint)step);
        var u1 = ToUnitOpen(Mix(state));
        var u2 = ToUnitOpen(Mix(state + 1));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A double in (0, 1): never 0, so the logarithm is finite.</summary>
    private static double ToUnitOpen(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong x)
    {
        unchecked
        {
            var z = x + Golden;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
