namespace Tuner.Search;

/// <summary>What "better" means for an objective, in one place: every ranking of trials and every "best so far" in
/// Tuner (the study, the scheduler's best trial and best checkpoint) uses these.</summary>
public static class ObjectiveOrder
{
    /// <summary>True when <paramref name="candidate"/> is better than <paramref name="incumbent"/> (null: nothing yet).
    /// NaN is never better; a tie is not better, so the earlier value stays.</summary>
    public static bool IsBetter(this StudyDirection direction, double candidate, double? incumbent) =>
        !double.IsNaN(candidate)
        && (incumbent is null || (direction == StudyDirection.Maximize ? candidate > incumbent : candidate < incumbent));

    /// <summary><paramref name="items"/> best first by <paramref name="value"/>, ties broken by
    /// <paramref name="number"/> (the earlier trial first).</summary>
    public static IOrderedEnumerable<T> BestFirst<T>(
        this IEnumerable<T> items, StudyDirection direction, Func<T, double?> value, Func<T, int> number) =>
        (direction == StudyDirection.Maximize ? items.OrderByDescending(value) : items.OrderBy(value)).ThenBy(number);
}
