namespace Tuner.Search.Pruners.SuccessiveHalving;

/// <summary>
/// Rung bookkeeping recomputed from intermediate values, in place of the "completed_rung_r" system attributes that
/// optuna/pruners/_successive_halving.py stores. Rung r completes at step minResource * reductionFactor^(rate + r)
/// (0-based steps, Optuna's convention: with minResource 1 and factor 2, rung 0 completes at step 1). A trial's
/// value at rung r is its value at its first reported step at or after that step.
/// </summary>
internal static class Rungs
{
    /// <summary>The step at which rung <paramref name="rung"/> completes, or null beyond the int range.</summary>
    public static int? PromotionStep(int minResource, int reductionFactor, int rate, int rung)
    {
        long step = minResource;
        for (var i = 0; i < rate + rung; i++)
        {
            step *= reductionFactor;
            if (step > int.MaxValue)
            {
                return null;
            }
        }

        return (int)step;
    }

    /// <summary>The trial's largest reported step below <paramref name="step"/>, or -1.</summary>
    public static int PreviousStep(FrozenTrial trial, int step) =>
        trial.IntermediateValues.Keys.Where(s => s < step).DefaultIfEmpty(-1).Max();

    /// <summary>
    /// The value another trial competes with at a rung completing at <paramref name="promotionStep"/>, or null when
    /// it did not take part. It takes part with its value at its first reported step at or after the promotion
    /// step, unless that value is NaN (Optuna prunes on NaN before recording). A Pruned trial was stopped at its
    /// last report, at the lowest rung it completed there: it does not take part in the higher rungs it jumped
    /// over in that same report (exact when trials report every rung's step; an approximation otherwise).
    /// </summary>
    /// <param name="lowerPromotionStep">The promotion step of the rung below, or null for the first rung.</param>
    public static double? CompetingValue(FrozenTrial other, int promotionStep, int? lowerPromotionStep)
    {
        var reached = other.IntermediateValues.Keys.Where(s => s >= promotionStep).DefaultIfEmpty(-1).Min();
        if (reached < 0 || double.IsNaN(other.IntermediateValues[reached]))
        {
            return null;
        }

        var jumpedOver = other.State == TrialState.Pruned && reached == other.LastStep
            && lowerPromotionStep is { } lower && PreviousStep(other, reached) < lower;
        return jumpedOver ? null : other.IntermediateValues[reached];
    }

    /// <summary>
    /// Optuna's _is_trial_promotable_to_next_rung: the value is in the top 1/reductionFactor of the competing values
    /// (which include it); with fewer than reductionFactor values, only the best is promoted.
    /// </summary>
    public static bool IsPromotable(double value, List<double> competing, int reductionFactor, StudyDirection direction)
    {
        var promotableIndex = Math.Max(competing.Count / reductionFactor - 1, 0);
        competing.Sort();
        return direction == StudyDirection.Maximize
            ? value >= competing[^(promotableIndex + 1)]
            : value <= competing[promotableIndex];
    }

    /// <summary>Optuna's _estimate_min_resource: the largest last step of the Complete trials / 100, at least 1; null without any.</summary>
    public static int? EstimateMinResource(IEnumerable<FrozenTrial> trials)
    {
        var lastSteps = trials.Where(t => t.State == TrialState.Complete && t.LastStep is not null).Select(t => t.LastStep!.Value).ToList();
        return lastSteps.Count == 0 ? null : Math.Max(lastSteps.Max() / 100, 1);
    }
}
