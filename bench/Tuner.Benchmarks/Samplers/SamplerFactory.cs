using Tuner.Benchmarks.Cli;
using Tuner.Search.Samplers;

namespace Tuner.Benchmarks.Samplers;

/// <summary>
/// Turns a --sampler value into a sampler, only through <see cref="SamplerCatalog"/>, so every kind the catalogue
/// learns is benchmarkable without changes here. "default" is the catalogue's "auto" kind; while the catalogue has
/// no "auto", it falls back to "random" and says so on the warnings writer.
/// </summary>
public static class SamplerFactory
{
    public const string DefaultKind = "default";
    public const string AutoKind = "auto";
    public const string FallbackKind = "random";

    /// <summary>The kinds --sampler accepts: the catalogue's and "default".</summary>
    public static IReadOnlyList<string> Kinds => [.. SamplerCatalog.Kinds, DefaultKind];

    /// <summary>The catalogue kind that <paramref name="kind"/> stands for.</summary>
    /// <exception cref="BenchmarkUsageException">The kind is neither in the catalogue nor "default".</exception>
    public static string Resolve(string kind, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(warnings);
        if (string.Equals(kind, DefaultKind, StringComparison.OrdinalIgnoreCase))
        {
            if (SamplerCatalog.IsKnown(AutoKind))
            {
                return AutoKind;
            }

            warnings.WriteLine($"warning: sampler kind '{DefaultKind}' maps to '{AutoKind}', which the sampler catalogue does not have yet (it has {string.Join(", ", SamplerCatalog.Kinds)}); using '{FallbackKind}' instead");
            return FallbackKind;
        }

        return SamplerCatalog.IsKnown(kind)
            ? kind.ToLowerInvariant()
            : throw new BenchmarkUsageException($"sampler kind must be one of {string.Join(", ", Kinds)}, but got '{kind}'");
    }

    /// <summary>A sampler of a kind returned by <see cref="Resolve"/>, seeded with <paramref name="seed"/>.</summary>
    public static ISampler Create(string resolvedKind, int seed) => SamplerCatalog.Create(resolvedKind, seed);
}
