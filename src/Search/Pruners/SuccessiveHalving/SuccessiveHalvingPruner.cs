using static System.FormattableString;

namespace Tuner.Search.Pruners.SuccessiveHalving;

/// <summary>
/// Asynchronous Successive Halving (ASHA; Li et al., arXiv:1810.05934), after optuna/pruners/_successive_halving.py.
/// Steps are 0-based and rung r completes at step minResource * reductionFactor^(minEarlyStoppingRate + r), Optuna's
/// convention (minResource 1, factor 4: rungs at steps 1, 4, 16, ...). When a report completes a rung, the trial is
/// promoted if its value there is in the top 1/reductionFactor of the values every trial had when it completed that
/// rung (the best one only while fewer than reductionFactor trials did), and pruned otherwise; a NaN at a rung prunes.
/// No pruning before the first rung, nor between rungs: promotion is never taken back.
/// <para>
/// Stateless: Optuna records each trial's rung values in storage; here they are recomputed from the intermediate
/// values (see <see cref="Rungs"/>), so trials may report out of order and sit at different steps. A rung is judged
/// for the report that first goes past its step (the trial's largest step reached it and its previous largest step
/// did not), so asking twice at one step gives the same verdict, against the rung's current competitors.
/// </para>
/// <para>
/// <c>minResource = null</c> is Optuna's "auto": the largest last step of the Complete trials divided by 100 (at least
/// 1), recomputed at every call (Optuna freezes its first estimate); nothing is pruned until a trial is Complete.
/// Give an explicit value when trials run for different numbers of steps.
/// </para>
/// </summary>
public sealed class SuccessiveHalvingPruner : IPruner
{
    public SuccessiveHalvingPruner(int? minResource = null, int reductionFactor = 4, int minEarlyStoppingRate = 0, int bootstrapCount = 0)
    {
        if (minResource is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, Invariant($"minResource must be at least 1 (or null for auto), but got minResource={minResource}"));
        }

        Check(reductionFactor >= 2, nameof(reductionFactor), reductionFactor, "must be at least 2");
        Check(minEarlyStoppingRate >= 0, nameof(minEarlyStoppingRate), minEarlyStoppingRate, "must not be negative");
        Check(bootstrapCount >= 0, nameof(bootstrapCount), bootstrapCount, "must not be negative");
        if (bootstrapCount > 0 && minResource is null)
        {
            throw new ArgumentException(Invariant($"bootstrapCount > 0 needs an explicit minResource, but got bootstrapCount={bootstrapCount} with minResource auto"), nameof(bootstrapCount));
        }

        MinResource = minResource;
        ReductionFactor = reductionFactor;
        MinEarlyStoppingRate = minEarlyStoppingRate;
        BootstrapCount = bootstrapCount;
    }

    /// <summary>The first rung's resource in steps, or null for "auto".</summary>
    public int? MinResource { get; }

    public int ReductionFactor { get; }

    public int MinEarlyStoppingRate { get; }

    /// <summary>How many trials must complete a rung before any is promoted from it (Optuna's bootstrap_count).</summary>
    public int BootstrapCount { get; }

    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trial = context.Trial;
        if (trial.LastStep is not { } step || (MinResource ?? Rungs.EstimateMinResource(context.Trials)) is not { } minResource)
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        var previous = Rungs.PreviousStep(trial, step);
        var others = context.Trials.Where(t => t.Number != trial.Number).ToList();
        int? lower = null;
        for (var rung = 0; Rungs.PromotionStep(minResource, ReductionFactor, MinEarlyStoppingRate, rung) is { } promotion && promotion <= step; rung++)
        {
            if (promotion > previous)
            {
                if (double.IsNaN(value))
                {
                    return true;
                }

                var competing = others.Select(o => Rungs.CompetingValue(o, promotion, lower)).OfType<double>().Append(value).ToList();
                if (competing.Count <= BootstrapCount || !Rungs.IsPromotable(value, competing, ReductionFactor, context.Direction))
                {
                    return true;
                }
            }

            lower = promotion;
        }

        return false;
    }

    private static void Check(bool valid, string name, int value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} {rule}, but got {name}={value}"));
        }
    }
}
