using System.Globalization;
using Tuner.Search.Samplers;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>warm_start: { from_sweep, best, prior_weight }</c>. Whether the sweep exists is the server's to check.</summary>
internal static class WarmStartReader
{
    private static readonly string[] Keys = ["from_sweep", "best", "prior_weight"];

    public static WarmStartSection? Read(MappingReader document)
    {
        var section = document.Section("warm_start", Keys, required: false);
        if (section is null) return null;

        var from = section.Integer("from_sweep", required: true, min: 1);
        var best = section.Integer("best", required: false, min: 1, max: WarmStartSection.MostBest);
        var weight = section.Number("prior_weight", required: false);
        if (weight is { } w && !(w > 0 && w <= 1))
        {
            section.Problems.Add(section.PathOf("prior_weight"),
                $"prior_weight must be greater than 0 and at most 1 (how much an earlier trial counts against one of this sweep's), but got {w.ToString(CultureInfo.InvariantCulture)}",
                section.Find("prior_weight"));
            weight = null;
        }

        return from is { } sweep ? new WarmStartSection(sweep, (int?)best ?? WarmStartSection.DefaultBest, weight) : null;
    }

    /// <summary>A prior needs a sampler that learns from trials: random, Sobol and grid would ignore it (grid would even
    /// count its points as visited).</summary>
    public static void CheckAgainstSampler(MappingReader document, WarmStartSection? warmStart, SamplerSection? sampler)
    {
        if (warmStart?.PriorWeight is null || sampler is null || SamplerCatalog.LearnsFromTrials(sampler.Kind)) return;
        document.Problems.Add("warm_start.prior_weight",
            $"prior_weight needs a sampler that learns from trials (auto, tpe, tpe-mv or gp), but sampler.kind is '{sampler.Kind}'",
            document.Find("warm_start"));
    }
}
