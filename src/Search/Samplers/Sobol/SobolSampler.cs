using Tuner.Search.Spaces;
using static System.FormattableString;

namespace Tuner.Search.Samplers.Sobol;

/// <summary>
/// Quasi-random search with a scrambled Sobol sequence (in the spirit of optuna/samplers/_qmc.py, which uses scipy's
/// scrambled Sobol): trial n gets point n of the sequence, so the first 2^k trials cover the space more evenly than
/// random ones. Parameter i of the space (in <see cref="SearchSpace.Parameters"/> order) always uses dimension i,
/// whether or not it is active, so conditional parameters keep their dimension and inactive ones are left out.
/// Each dimension is Owen-scrambled (<see cref="OwenScramble"/>) with a key from <see cref="TrialRandom"/> with
/// (seed, dimension, "sobol"); u in [0, 1) becomes a value by <see cref="UnitIntervalMapping"/> (log scales in log
/// space, steps, ints and choices as equal cells). Joe-Kuo direction numbers cover the first 31 parameters;
/// parameters beyond that are drawn uniformly at random from (seed, trial number, parameter name). Stateless: the
/// history is ignored. Without a seed, one is picked at construction (see <see cref="Seed"/>).
/// </summary>
public sealed class SobolSampler(int? seed = null) : ISampler
{
    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; } = seed ?? Random.Shared.Next();

    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SampleAt(context.Space, Seed, context.TrialNumber);
    }

    /// <summary>
    /// The values of the active parameters at point <paramref name="index"/> of the sequence scrambled with
    /// <paramref name="seed"/>; for other samplers' startup trials (pass the trial number as the index).
    /// </summary>
    public static IReadOnlyDictionary<string, object> SampleAt(SearchSpace space, int seed, int index)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, Invariant($"index must not be negative, but got index={index}"));
        }

        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var dimension = 0; dimension < space.Parameters.Count; dimension++)
        {
            var spec = space.Parameters[dimension];
            if (space.IsActive(spec, assigned))
            {
                assigned[spec.Name] = UnitIntervalMapping.ToValue(spec.Distribution, Unit(seed, index, dimension, spec.Name));
            }
        }

        return assigned;
    }

    /// <summary>Coordinate <paramref name="dimension"/> of scrambled point <paramref name="index"/>, in [0, 1).</summary>
    internal static double Unit(int seed, int index, int dimension, string name)
    {
        if (dimension >= SobolSequence.Dimensions)
        {
            return TrialRandom.For(seed, index, name).NextDouble();
        }

        var key = (uint)TrialRandom.For(seed, dimension, "sobol").NextUInt64();
        var scrambled = OwenScramble.Apply(SobolSequence.Point((uint)index, dimension), key);
        return scrambled * (1.0 / 4294967296.0);
    }
}
