namespace Tuner.Core.Costs;

/// <summary>What a machine's seconds went to. Stored as text.</summary>
public enum CostKind
{
    /// <summary>A trial run trained on the machine (its share, when several ran at once).</summary>
    Training,

    /// <summary>From launch to the machine's first run: boot, image pull, worker start.</summary>
    StartUp,

    /// <summary>The machine was up with no run on it: between trials, and until the pool scaled to zero.</summary>
    Idle,
}
