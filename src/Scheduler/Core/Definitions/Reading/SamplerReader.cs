using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Grid;
using Tuner.Search.Spaces;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>sampler: { kind, seed }</c>; without the section the sampler is "auto" (the documented default), unseeded.</summary>
internal static class SamplerReader
{
    public const string DefaultKind = SamplerCatalog.DefaultKind;

    private static readonly string[] Keys = ["kind", "seed"];

    public static SamplerSection? Read(MappingReader document)
    {
        if (document.Find("sampler") is null) return new SamplerSection(DefaultKind, null);
        var section = document.Section("sampler", Keys, required: true);
        if (section is null) return null;

        var kind = section.OneOf("kind", SamplerCatalog.Kinds.ToList(), "sampler", required: false);
        var seed = section.Int("seed", required: false, min: 0);
        if (kind is null && section.Find("kind") is not null) return null;
        return new SamplerSection(kind ?? DefaultKind, seed);
    }

    /// <summary>The grid sampler needs a finite grid: every float stepped or categorical.</summary>
    public static void CheckAgainstSpace(MappingReader document, SamplerSection? sampler, IReadOnlyList<ParameterSpec>? space)
    {
        if (sampler?.Kind != "grid" || space is null || SearchSpace.Validate(space).Count > 0)
        {
            return;
        }

        foreach (var problem in GridSampler.Validate(SearchSpace.Create(space)))
        {
            document.Problems.Add("sampler.kind", problem, document.Section("sampler", null, required: false)?.Find("kind"));
        }
    }
}
