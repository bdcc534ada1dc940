namespace Tuner.Scheduler.Api.Contracts;

/// <summary>
/// One page of a list, in the list's order. <see cref="Next"/> is the cursor of the following page (pass it as
/// <c>?after=</c>); null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long? Next);
