using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api;

/// <summary>How many items a page of a list holds: <c>?limit=</c>, 1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when left out.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>The page of <paramref name="fetched"/> (read with limit + 1, so one more than a page means there is a next).</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> fetched, int limit, Func<T, long> cursor) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), cursor(fetched[limit - 1]))
            : new Page<T>(fetched, null);
}
