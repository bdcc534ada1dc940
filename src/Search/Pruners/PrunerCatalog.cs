using static System.FormattableString;

namespace Tuner.Search.Pruners;

/// <summary>The pruners that can be named in a sweep definition. Kinds match case-insensitively.</summary>
public static class PrunerCatalog
{
    public static IReadOnlyList<string> Kinds { get; } = ["median", "percentile", "none"];

    public static bool IsKnown(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Unknown kind, or a percentile missing or given where it does not belong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range (see <see cref="PercentilePruner"/>).</exception>
    public static IPruner Create(PrunerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = options.Kind?.ToLowerInvariant();
        if (kind is "median" or "none" && options.Percentile is { } unwanted)
        {
            throw new ArgumentException(Invariant($"percentile is only accepted by the percentile pruner, but got percentile={unwanted} for kind '{options.Kind}'"), nameof(options));
        }

        return kind switch
        {
            "median" => new MedianPruner(options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials),
            "percentile" => new PercentilePruner(
                options.Percentile ?? throw new ArgumentException("the percentile pruner needs a percentile, but got none", nameof(options)),
                options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials),
            "none" => new NopPruner(),
            _ => throw new ArgumentException($"pruner kind must be one of {string.Join(", ", Kinds)}, but got '{options.Kind}'", nameof(options)),
        };
    }
}
