namespace Tuner.Scheduler.Api.Pages;

/// <summary>Largest-triangle-three-buckets (Steinarsson 2013): a curve cut to a number of points that keeps its shape,
/// the first and the last point.</summary>
internal static class CurveDownsampling
{
    public static IReadOnlyList<double[]> Lttb(IReadOnlyList<double[]> points, int threshold)
    {
        if (points.Count <= threshold) return points;
        if (threshold < 3) return [points[0], points[^1]];
        var kept = new List<double[]>(threshold) { points[0] };
        // The inner points fall into threshold − 2 buckets; from each, keep the one making the largest triangle with
        // the point kept before and the mean of the next bucket.
        var bucket = (double)(points.Count - 2) / (threshold - 2);
        var previous = 0;
        for (var b = 0; b < threshold - 2; b++)
        {
            var start = (int)(b * bucket) + 1;
            var end = (int)((b + 1) * bucket) + 1;
            var nextStart = end;
            var nextEnd = Math.Min((int)((b + 2) * bucket) + 1, points.Count);
            if (nextStart >= nextEnd) (nextStart, nextEnd) = (points.Count - 1, points.Count);
            double meanX = 0, meanY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                meanX += points[i][0];
                meanY += points[i][1];
            }

            meanX /= nextEnd - nextStart;
            meanY /= nextEnd - nextStart;
            var (ax, ay) = (points[previous][0], points[previous][1]);
            var chosen = start;
            var largest = -1.0;
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs((ax - meanX) * (points[i][1] - ay) - (ax - points[i][0]) * (meanY - ay));
                if (area > largest)
                {
                    largest = area;
                    chosen = i;
                }
            }

            kept.Add(points[chosen]);
            previous = chosen;
        }

        kept.Add(points[^1]);
        return kept;
    }
}
