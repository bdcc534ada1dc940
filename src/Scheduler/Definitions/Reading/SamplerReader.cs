using Tuner.Search.Samplers;

namespace Tuner.Scheduler.Definitions.Reading;

/// <summary>Reads <c>sampler: { kind, seed }</c>; without the section the sampler is "random", unseeded.</summary>
internal static class SamplerReader
{
    public const string DefaultKind = "random";

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
}
