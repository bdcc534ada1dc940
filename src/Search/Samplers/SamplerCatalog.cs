namespace Tuner.Search.Samplers;

/// <summary>The samplers that can be named in a sweep definition. Kinds match case-insensitively.</summary>
public static class SamplerCatalog
{
    public static IReadOnlyList<string> Kinds { get; } = ["random"];

    public static bool IsKnown(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">The kind is not one of <see cref="Kinds"/>.</exception>
    public static ISampler Create(string kind, int? seed) => kind?.ToLowerInvariant() switch
    {
        "random" => new RandomSampler(seed),
        _ => throw new ArgumentException(
            $"sampler kind must be one of {string.Join(", ", Kinds)}, but got '{kind}'", nameof(kind)),
    };
}
