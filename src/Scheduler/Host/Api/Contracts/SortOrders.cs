namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Ascending or descending, as a list's <c>order</c> query value.</summary>
public static class SortOrders
{
    public const string Ascending = "asc";
    public const string Descending = "desc";
}
