namespace Tuner.Core.Costs;

/// <summary>The machine types to ask for, in order, and why (for the scale-up event); <paramref name="Why"/> is null
/// when the pool's own order stands.</summary>
public sealed record TypeChoice(IReadOnlyList<string> Order, string? Why);
