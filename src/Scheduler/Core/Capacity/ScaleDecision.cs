using Tuner.Core.Model;

namespace Tuner.Core.Capacity;

/// <summary>What the autoscaler does with a pool on one pass, and why, in words for the sweep's events.</summary>
public sealed record ScaleDecision(int Launch, bool ScaleToZero, string? Reason)
{
    public static readonly ScaleDecision Hold = new(0, false, null);

    /// <summary>
    /// Desired workers = queued + running trials, capped by the pool's max_instances and the provider's own cap; more
    /// machines launch when fewer are up. A pool with no trial for its idle timeout goes to zero. Surplus machines are not
    /// stopped while the pool is busy: a worker between trials is about to take the next one.
    /// </summary>
    public static ScaleDecision For(CapacityPool pool, PoolDemand demand, int live, int providerCap, DateTimeOffset now)
    {
        var desired = Math.Min(demand.Trials, Math.Min(pool.MaxInstances, providerCap));
        if (desired > live)
        {
            var cap = desired < demand.Trials ? $" (capped at {desired})" : "";
            return new ScaleDecision(desired - live, false,
                $"pool {pool.Name}: {demand.Queued} queued + {demand.Running} running trials{cap}, {live} workers up: launching {desired - live}");
        }

        var idle = now - pool.LastBusyAt;
        if (demand.Trials == 0 && live > 0 && idle >= pool.IdleTimeout)
        {
            return new ScaleDecision(0, true, $"pool {pool.Name}: no queued or running trial for {Math.Round(idle.TotalSeconds)}s (idle timeout {pool.IdleTimeout.TotalSeconds}s): scaling {live} workers to zero");
        }

        return Hold;
    }
}
