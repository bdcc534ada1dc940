using Tuner.Search.Pruners;

namespace Tuner.Scheduler.Definitions.Reading;

/// <summary>Reads <c>pruner: { kind, startup_trials, warmup_steps, interval_steps, min_trials, percentile }</c>; without the
/// section (or without its kind) the pruner is "median", and every setting left out takes PrunerOptions' default.</summary>
internal static class PrunerReader
{
    public const string DefaultKind = "median";
    private const string PercentileKind = "percentile";

    private static readonly string[] Keys = ["kind", "startup_trials", "warmup_steps", "interval_steps", "min_trials", "percentile"];

    public static PrunerOptions? Read(MappingReader document)
    {
        if (document.Find("pruner") is null) return new PrunerOptions(DefaultKind);
        var section = document.Section("pruner", Keys, required: true);
        if (section is null) return null;

        var kindGiven = section.Find("kind") is not null;
        var kind = section.OneOf("kind", PrunerCatalog.Kinds.ToList(), "pruner", required: false) ?? (kindGiven ? null : DefaultKind);
        var defaults = new PrunerOptions(kind ?? DefaultKind);
        var startupTrials = section.Int("startup_trials", required: false, min: 0) ?? defaults.StartupTrials;
        var warmupSteps = section.Int("warmup_steps", required: false, min: 0) ?? defaults.WarmupSteps;
        var intervalSteps = section.Int("interval_steps", required: false, min: 1) ?? defaults.IntervalSteps;
        var minTrials = section.Int("min_trials", required: false, min: 1) ?? defaults.MinTrials;
        var percentile = ReadPercentile(section, kind);
        return kind is null ? null : new PrunerOptions(kind, startupTrials, warmupSteps, intervalSteps, percentile, minTrials);
    }

    private static double? ReadPercentile(MappingReader section, string? kind)
    {
        var percentile = section.Number("percentile", required: kind == PercentileKind);
        if (percentile is null || kind is null) return percentile;
        if (kind != PercentileKind)
        {
            section.Problems.Add(section.PathOf("percentile"), $"percentile applies only to kind '{PercentileKind}', but kind is '{kind}'", section.Find("percentile"));
        }
        else if (percentile is < 0 or > 100)
        {
            section.Problems.Add(section.PathOf("percentile"), $"percentile must be between 0 and 100, but got {ScalarValues.Format(percentile)}", section.Find("percentile"));
        }

        return percentile;
    }
}
