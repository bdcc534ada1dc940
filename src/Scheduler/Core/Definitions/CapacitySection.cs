namespace Tuner.Core.Definitions;

/// <summary>Where a sweep's trials run: which provider, on what machines, how many at most.</summary>
/// <param name="Provider">"local", "aws" or "gcp".</param>
/// <param name="InstanceTypes">Acceptable machine types, preferred first (empty for local).</param>
/// <param name="Gpus">GPUs per worker.</param>
/// <param name="Spot">Ask for spot capacity (the default on aws and gcp).</param>
/// <param name="MaxInstances">Most machines the pool may run at once.</param>
/// <param name="IdleTimeout">How long a pool with no queued or running trial keeps its machines before scaling to zero.</param>
/// <param name="OnDemandAfterSpotFailures">Failed spot launches in a row after which the pool launches on-demand.</param>
/// <param name="SpotMarket">Local only: a simulated spot market that preempts worker processes.</param>
public sealed record CapacitySection(
    string Provider,
    IReadOnlyList<string> InstanceTypes,
    int Gpus,
    bool Spot,
    int MaxInstances,
    TimeSpan IdleTimeout,
    int OnDemandAfterSpotFailures,
    SpotMarketSection? SpotMarket)
{
    public const string Local = "local";

    public static CapacitySection LocalDefault(int maxInstances) =>
        new(Local, [], 0, Spot: false, maxInstances, TimeSpan.FromMinutes(1), 3, null);
}
