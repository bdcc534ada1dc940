namespace Tuner.Benchmarks.Latency;

/// <summary>The median and 99th percentile of a set of ask times in milliseconds (linear interpolation, as numpy).</summary>
public sealed record LatencySummary(double MedianMs, double P99Ms)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("at least one ask time is needed, but got none", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(Percentile(sorted, 50), Percentile(sorted, 99));
    }

    private static double Percentile(double[] sorted, double percentile)
    {
        var rank = percentile / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
