namespace Tuner.Scheduling.Costs;

/// <summary>One group of <see cref="CostGroups"/>: its key (the label's value, the sweep id or the pool), dollars and seconds in the range, and the sweeps in it.</summary>
public sealed record CostGroup(string Key, decimal Usd, double Seconds, int Sweeps);
