using Tuner.Scheduling.Sweeps;
using Tuner.Core.Sweeps;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduling.Trials;

/// <summary>What one run of a trial needs to know: its lease, its run record, its sweep's plan.</summary>
public sealed record TrialContext(TrialLease Lease, long SweepId, long RunId, SweepPlan Plan)
{
    public long TrialId => Lease.TrialId;

    public string CheckpointKey(int epoch, int batch) =>
        $"sweeps/{SweepId}/trials/{TrialId}/epoch-{epoch:D4}-batch-{batch:D6}-lease-{Lease.Token}.ckpt";
}
