namespace Tuner.Core.Models;

/// <summary>What <see cref="PromotionGate"/> concluded: whether the challenger passes, and why, with the figures.</summary>
public sealed record PromotionVerdict(bool Passes, string Reason);
