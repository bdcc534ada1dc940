namespace Tuner.Search.Analysis;

/// <summary>Equal-count bins over numbers: the values sorted and cut into <c>count</c> runs of about n / count each,
/// with equal values always in one bin (so an int parameter with few values gets at most one bin per value).</summary>
internal static class QuantileBins
{
    /// <summary>The bin (0 to count − 1) of each value, by its position among the values.</summary>
    public static int[] Assign(double[] values, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var bins = new int[values.Length];
        var start = 0;
        while (start < order.Length)
        {
            // Ties share the bin of the first of them: the bin of its rank.
            var bin = (int)((long)start * count / order.Length);
            var end = start;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                bins[order[end]] = bin;
                end++;
            }

            start = end;
        }

        return bins;
    }
}
