using Tuner.Core.Capacity;
using Tuner.Core.Costs;

namespace Tuner.Core.Model;

/// <summary>
/// One line of the cost ledger: a stretch of one machine's time at one rate and one use (a run's share, start-up or
/// idle), what it cost and what the same seconds cost on-demand. The ledger lengthens a line while its use goes on, so a
/// run on a machine of its own is one line; a machine's lines add up to its whole life.
/// </summary>
public sealed class CostEntry
{
    public long Id { get; set; }

    /// <summary>The machine: <c>instance/ID</c> (a capacity instance) or <c>worker/ID</c> (a worker started by hand).</summary>
    public required string Machine { get; set; }
    public required string Pool { get; set; }
    public long? SweepId { get; set; }
    public long? TrialId { get; set; }
    public long? TrialRunId { get; set; }
    public CostKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Runs sharing the machine over the stretch; the line is charged 1/Share of its time.</summary>
    public int Share { get; set; } = 1;

    /// <summary>The seconds charged: the stretch's length divided by <see cref="Share"/>.</summary>
    public double Seconds { get; set; }
    public CapacityMarket Market { get; set; }

    /// <summary>The machine's price; null when unknown (the line then costs $0 and <see cref="PriceSource"/> says why).</summary>
    public decimal? UsdPerHour { get; set; }
    public decimal? OnDemandUsdPerHour { get; set; }
    public decimal Usd { get; set; }

    /// <summary>What the same seconds cost on-demand; null when the on-demand price is unknown.</summary>
    public decimal? OnDemandUsd { get; set; }
    public required string PriceSource { get; set; }

    /// <summary>The machine's end is not known (it vanished): the line runs to its last sign of life.</summary>
    public bool Estimated { get; set; }
}
