namespace Tuner.Scheduler.Api.Pages;

/// <summary>Bounded answers: a number of items spread evenly over a list, in its order.</summary>
internal static class EvenSample
{
    /// <summary>The items at positions ⌊i·n / count⌋ for i = 0 … count − 1 (all of them when there are no more than
    /// <paramref name="count"/>), so the first item is always kept and the gaps differ by at most one.</summary>
    public static List<T> Of<T>(IReadOnlyList<T> items, int count)
    {
        if (items.Count <= count) return [.. items];
        var sample = new List<T>(count);
        for (var i = 0; i < count; i++) sample.Add(items[(int)((long)i * items.Count / count)]);
        return sample;
    }
}
