namespace Tuner.Core.Costs;

/// <summary>A trial run on one machine, as the ledger sees it.</summary>
/// <param name="EndedAt">Null while the run goes on.</param>
public sealed record MachineRun(long RunId, long TrialId, long SweepId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
