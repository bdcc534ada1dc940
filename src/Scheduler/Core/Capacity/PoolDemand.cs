namespace Tuner.Core.Capacity;

/// <summary>What a pool's sweeps ask of it right now.</summary>
/// <param name="Queued">Trials waiting for a worker (new, or preempted and waiting to resume).</param>
/// <param name="Running">Trials a worker holds.</param>
/// <param name="SweepIds">The active sweeps on the pool, whose events record the pool's decisions.</param>
public sealed record PoolDemand(int Queued, int Running, IReadOnlyList<long> SweepIds)
{
    public int Trials => Queued + Running;
}
