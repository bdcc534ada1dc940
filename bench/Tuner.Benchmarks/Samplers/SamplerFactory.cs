using Tuner.Benchmarks.Cli;
using Tuner.Search.Samplers;

namespace Tuner.Benchmarks.Samplers;

/// <summary>
/// Turns a --sampler value into a sampler, only through <see cref="SamplerCatalog"/>, so every kind the catalogue
/// learns is benchmarkable without changes here. "default" is the catalogue's default kind ("auto").
/// </summary>
public static class SamplerFactory
{
    public const string DefaultKind = "default";

    /// <summary>The kinds --sampler accepts: the catalogue's and "default".</summary>
    public static IReadOnlyList<string> Kinds => [.. SamplerCatalog.Kinds, DefaultKind];

    /// <summary>The catalogue kind that <paramref name="kind"/> stands for.</summary>
    /// <exception cref="BenchmarkUsageException">The kind is neither in the catalogue nor "default".</exception>
    public static string Resolve(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (string.Equals(kind, DefaultKind, StringComparison.OrdinalIgnoreCase))
        {
            return SamplerCatalog.DefaultKind;
        }

        return SamplerCatalog.IsKnown(kind)
            ? kind.ToLowerInvariant()
            : throw new BenchmarkUsageException($"sampler kind must be one of {string.Join(", ", Kinds)}, but got '{kind}'");
    }

    /// <summary>A sampler of a kind returned by <see cref="Resolve"/>, seeded with <paramref name="seed"/>.</summary>
    public static ISampler Create(string resolvedKind, int seed) => SamplerCatalog.Create(resolvedKind, seed);
}
