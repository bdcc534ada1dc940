using Tuner.Search.Pruners.Hyperband;
using Tuner.Search.Pruners.Patient;
using Tuner.Search.Pruners.SuccessiveHalving;
using Tuner.Search.Pruners.Threshold;
using static System.FormattableString;

namespace Tuner.Search.Pruners;

/// <summary>The pruners that can be named in a sweep definition. Kinds match case-insensitively.</summary>
public static class PrunerCatalog
{
    public static IReadOnlyList<string> Kinds { get; } =
        ["median", "percentile", "asha", "successive_halving", "hyperband", "threshold", "patient", "none"];

    public static bool IsKnown(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Unknown kind, or a required setting missing or given where it does not belong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (the pruner's constructor says which).</exception>
    public static IPruner Create(PrunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = options.Kind?.ToLowerInvariant();
        if (kind != "percentile" && options.Percentile is { } unwanted)
        {
            throw new ArgumentException(Invariant($"percentile is only accepted by the percentile pruner, but got percentile={unwanted} for kind '{options.Kind}'"), nameof(options));
        }

        return kind switch
        {
            "median" => new MedianPruner(options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials),
            "percentile" => new PercentilePruner(
                options.Percentile ?? throw Missing("percentile", kind),
                options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials),
            "asha" or "successive_halving" => new SuccessiveHalvingPruner(
                options.MinResource, options.ReductionFactor ?? 4, options.MinEarlyStoppingRate, options.BootstrapCount),
            "hyperband" => new HyperbandPruner(
                options.MaxResource ?? throw Missing("max_resource", kind),
                options.MinResource ?? 1, options.ReductionFactor ?? 3, options.BootstrapCount),
            "threshold" => new ThresholdPruner(options.Lower, options.Upper, options.WarmupSteps, options.IntervalSteps),
            "patient" => new PatientPruner(
                options.Wrapped is null ? null : Create(options.Wrapped),
                options.Patience ?? throw Missing("patience", kind),
                options.MinDelta),
            "none" => new NopPruner(),
            _ => throw new ArgumentException($"pruner kind must be one of {string.Join(", ", Kinds)}, but got '{options.Kind}'", nameof(options)),
        };
    }

    private static ArgumentException Missing(string setting, string kind) =>
        new($"the {kind} pruner needs {setting}, but got none", "options");
}
