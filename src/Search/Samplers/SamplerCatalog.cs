using Tuner.Search.Samplers.Auto;
using Tuner.Search.Samplers.Gp;
using Tuner.Search.Samplers.Grid;
using Tuner.Search.Samplers.Sobol;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Samplers;

/// <summary>
/// The samplers that can be named in a sweep definition. Kinds match case-insensitively. "auto" is the documented
/// default (<see cref="AutoSampler"/>); "tpe" is univariate TPE, "tpe-mv" multivariate TPE with grouping.
/// </summary>
public static class SamplerCatalog
{
    public const string DefaultKind = "auto";

    public static IReadOnlyList<string> Kinds { get; } = ["auto", "random", "grid", "sobol", "tpe", "tpe-mv", "gp"];

    /// <summary>Whether the kind models earlier trials, so that trials given as a prior (<see cref="FrozenTrial.Weight"/>) inform it.</summary>
    public static bool LearnsFromTrials(string kind) => kind.ToLowerInvariant() is "auto" or "tpe" or "tpe-mv" or "gp";

    public static bool IsKnown(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">The kind is not one of <see cref="Kinds"/>.</exception>
    public static ISampler Create(string kind, int? seed) => kind?.ToLowerInvariant() switch
    {
        "auto" => new AutoSampler(seed),
        "random" => new RandomSampler(seed),
        "grid" => new GridSampler(seed),
        "sobol" => new SobolSampler(seed),
        "tpe" => new TpeSampler(seed),
        "tpe-mv" => new TpeSampler(seed, new TpeOptions(Multivariate: true, Group: true)),
        "gp" => new GpSampler(seed),
        _ => throw new ArgumentException(
            $"sampler kind must be one of {string.Join(", ", Kinds)}, but got '{kind}'", nameof(kind)),
    };
}
