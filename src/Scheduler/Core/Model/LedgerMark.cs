namespace Tuner.Core.Model;

/// <summary>How far the cost ledger has attributed one machine's time. The ledger moves it in the same transaction as
/// the lines it writes, so a pass that runs twice, or again after a crash, writes nothing twice.</summary>
public sealed class LedgerMark
{
    /// <summary>As <see cref="CostEntry.Machine"/>.</summary>
    public required string Machine { get; set; }
    public DateTimeOffset Through { get; set; }

    /// <summary>The machine has ended and its whole life is in the ledger.</summary>
    public bool Closed { get; set; }
}
