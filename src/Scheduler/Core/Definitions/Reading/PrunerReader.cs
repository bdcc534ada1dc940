using Tuner.Search.Pruners;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>
/// Reads <c>pruner: { kind, ...settings }</c>. Each kind reads its own settings (<see cref="PrunerSettings"/>); a setting
/// another kind reads is reported, never ignored. Without the section (or its kind) the pruner is "median".
/// Hyperband's max_resource defaults to the workload's max_epochs.
/// </summary>
internal static class PrunerReader
{
    public const string DefaultKind = "median";

    public static PrunerOptions? Read(MappingReader document, int? maxEpochs)
    {
        if (document.Find("pruner") is null) return new PrunerOptions(DefaultKind);
        var section = document.Section("pruner", PrunerSettings.AllKeys, required: true);
        return section is null ? null : ReadSection(section, maxEpochs);
    }

    private static PrunerOptions? ReadSection(MappingReader section, int? maxEpochs)
    {
        var problemsBefore = section.Problems.Count;
        var kindGiven = section.Find("kind") is not null;
        var kind = section.OneOf("kind", PrunerCatalog.Kinds.ToList(), "pruner", required: false) ?? (kindGiven ? null : DefaultKind);
        if (kind is null) return null;
        RejectForeignSettings(section, kind);

        var defaults = new PrunerOptions(kind);
        var wrapped = section.Section("wrapped", PrunerSettings.AllKeys, required: false) is { } inner ? ReadSection(inner, maxEpochs) : null;
        var options = new PrunerOptions(
            kind,
            section.Int("startup_trials", required: false, min: 0) ?? defaults.StartupTrials,
            section.Int("warmup_steps", required: false, min: 0) ?? defaults.WarmupSteps,
            section.Int("interval_steps", required: false, min: 1) ?? defaults.IntervalSteps,
            ReadPercentile(section, kind),
            section.Int("min_trials", required: false, min: 1) ?? defaults.MinTrials)
        {
            MinResource = ReadMinResource(section),
            MaxResource = section.Int("max_resource", required: false, min: 1) ?? (kind == "hyperband" ? maxEpochs : null),
            ReductionFactor = section.Int("reduction_factor", required: false, min: 2),
            MinEarlyStoppingRate = section.Int("min_early_stopping_rate", required: false, min: 0) ?? 0,
            BootstrapCount = section.Int("bootstrap_count", required: false, min: 0) ?? 0,
            Lower = section.Number("lower", required: false),
            Upper = section.Number("upper", required: false),
            Patience = section.Int("patience", required: kind == "patient", min: 0),
            MinDelta = section.Number("min_delta", required: false) ?? 0,
            Wrapped = wrapped,
        };
        return section.Problems.Count == problemsBefore ? Check(section, options) : null;
    }

    private static double? ReadPercentile(MappingReader section, string kind)
    {
        var percentile = section.Number("percentile", required: kind == "percentile");
        if (percentile is < 0 or > 100)
        {
            section.Problems.Add(section.PathOf("percentile"), $"percentile must be between 0 and 100, but got {ScalarValues.Format(percentile)}", section.Find("percentile"));
        }

        return percentile;
    }

    /// <summary>Builds the pruner once, so range rules its constructor enforces are reported here, with the line.</summary>
    private static PrunerOptions? Check(MappingReader section, PrunerOptions options)
    {
        try
        {
            PrunerCatalog.Create(options);
            return options;
        }
        catch (ArgumentException ex)
        {
            var message = ex.Message.Split(" (Parameter")[0];
            section.Problems.Add(section.Path, message, section.Node);
            return null;
        }
    }

    private static void RejectForeignSettings(MappingReader section, string kind)
    {
        var reads = PrunerSettings.For(kind);
        foreach (var entry in section.Node.Children)
        {
            var key = MappingReader.KeyText(entry.Key);
            if (key != "kind" && PrunerSettings.AllKeys.Contains(key) && !reads.Contains(key))
            {
                var known = reads.Count == 0 ? "none" : string.Join(", ", reads);
                section.Problems.Add(section.PathOf(key), $"{key} does not apply to pruner kind '{kind}' (it reads: {known})", entry.Key);
            }
        }
    }

    private static int? ReadMinResource(MappingReader section) =>
        section.Find("min_resource") is YamlScalarNode { Value: "auto" } ? null : section.Int("min_resource", required: false, min: 1);
}
