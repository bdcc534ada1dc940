namespace Tuner.Persistence.Leases;

/// <summary>The worker no longer owns the trial: its lease expired and was taken over, or the trial was finished elsewhere.</summary>
public sealed class LeaseLostException(TrialLease lease)
    : Exception($"worker {lease.Owner} lost its lease on trial {lease.TrialId} (fencing token {lease.Token})")
{
    public TrialLease Lease { get; } = lease;
}
