namespace Tuner.Search.Samplers.Sobol;

/// <summary>
/// The unscrambled Sobol sequence in base 2 with 32-bit precision, Gray-code order (as Joe and Kuo's reference
/// generator and scipy produce it): point n, dimension d is the XOR of the direction numbers V_d[j+1] for the bits
/// j set in n ^ (n >> 1), read as a fraction of 2^32. Any 2^k consecutive points starting at a multiple of 2^k
/// form a (t, k, s)-net; dimensions 1 and 2 together have t = 0.
/// </summary>
internal static class SobolSequence
{
    /// <summary>The number of dimensions with direction numbers (1 + the rows of <see cref="SobolDirectionNumbers"/>).</summary>
    public static int Dimensions { get; } = SobolDirectionNumbers.Rows.Count + 1;

    private static readonly uint[][] Directions = Enumerable.Range(0, Dimensions).Select(BuildDirections).ToArray();

    /// <summary>Coordinate <paramref name="dimension"/> (0-based) of point <paramref name="index"/>, as an integer fraction of 2^32.</summary>
    public static uint Point(uint index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Dimensions);
        var directions = Directions[dimension];
        var gray = index ^ (index >> 1);
        var x = 0u;
        for (var bit = 0; gray != 0; bit++, gray >>= 1)
        {
            if ((gray & 1) != 0)
            {
                x ^= directions[bit];
            }
        }

        return x;
    }

    /// <summary>V[i-1] = m_i * 2^(32-i) for i = 1..32, extending the m_i by the primitive polynomial's recurrence.</summary>
    private static uint[] BuildDirections(int dimension)
    {
        var v = new uint[32];
        if (dimension == 0)
        {
            for (var i = 1; i <= 32; i++)
            {
                v[i - 1] = 1u << (32 - i);
            }

            return v;
        }

        var (s, a, m) = SobolDirectionNumbers.Rows[dimension - 1];
        for (var i = 1; i <= 32; i++)
        {
            if (i <= s)
            {
                v[i - 1] = m[i - 1] << (32 - i);
                continue;
            }

            var value = v[i - s - 1] ^ (v[i - s - 1] >> s);
            for (var k = 1; k <= s - 1; k++)
            {
                if (((a >> (s - 1 - k)) & 1) != 0)
                {
                    value ^= v[i - k - 1];
                }
            }

            v[i - 1] = value;
        }

        return v;
    }
}
