namespace Tuner.Core.Definitions.Reading;

/// <summary>Which settings each pruner kind reads (docs/sweep-definition.md#pruner).</summary>
internal static class PrunerSettings
{
    private static readonly string[] Percentile = ["startup_trials", "warmup_steps", "interval_steps", "min_trials"];
    private static readonly string[] Halving = ["min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"];

    private static readonly Dictionary<string, string[]> ByKind = new()
    {
        ["median"] = Percentile,
        ["percentile"] = [.. Percentile, "percentile"],
        ["asha"] = Halving,
        ["successive_halving"] = Halving,
        ["hyperband"] = ["min_resource", "max_resource", "reduction_factor", "bootstrap_count"],
        ["threshold"] = ["lower", "upper", "warmup_steps", "interval_steps"],
        ["patient"] = ["patience", "min_delta", "wrapped"],
        ["none"] = [],
    };

    public static IReadOnlyCollection<string> AllKeys { get; } =
        ["kind", .. ByKind.Values.SelectMany(k => k).Distinct()];

    public static IReadOnlyList<string> For(string kind) => ByKind.GetValueOrDefault(kind) ?? [];
}
