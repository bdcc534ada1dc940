namespace Tuner.Core.Models;

/// <summary>When a schedule's challenger replaces its model's champion: it must beat the champion on the objective by
/// at least <paramref name="Margin"/> (in the objective's units; 0: any improvement), regress on no guarded metric
/// beyond its tolerance, and, with <paramref name="ManualApproval"/>, be approved by an operator.</summary>
public sealed record PromotionPolicy(double Margin, IReadOnlyList<MetricGuard> Guards, bool ManualApproval)
{
    public static PromotionPolicy Default { get; } = new(0, [], false);
}
