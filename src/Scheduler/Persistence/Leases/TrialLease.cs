namespace Tuner.Persistence.Leases;

/// <summary>Ownership of one trial by one worker. Every write on the trial's behalf carries the fencing token.</summary>
public sealed record TrialLease(long TrialId, string Owner, long Token);
