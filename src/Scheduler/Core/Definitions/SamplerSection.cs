namespace Tuner.Core.Definitions;

/// <summary>Which sampler proposes configurations (a kind from SamplerCatalog) and its seed (null: unseeded).</summary>
public sealed record SamplerSection(string Kind, int? Seed);
