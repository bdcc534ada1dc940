using Tuner.Scheduling.Costs;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Spending in [<paramref name="From"/>, <paramref name="To"/>) grouped as <paramref name="GroupBy"/> says, largest first.</summary>
public sealed record CostGroupsView(string GroupBy, DateTimeOffset From, DateTimeOffset To, decimal TotalUsd, IReadOnlyList<CostGroup> Groups);
