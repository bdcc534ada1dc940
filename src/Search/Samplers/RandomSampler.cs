namespace Tuner.Search.Samplers;

/// <summary>
/// Samples every active parameter independently and uniformly (log scales in log space, steps on their grid) and
/// ignores the history. Each parameter's draw comes from <see cref="TrialRandom"/> seeded with (seed, trial number,
/// parameter name), so the same seed gives the same suggestion for a trial number in any process. Without a seed,
/// the sampler picks one at construction (see <see cref="Seed"/>).
/// </summary>
public sealed class RandomSampler(int? seed = null) : ISampler
{
    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; } = seed ?? Random.Shared.Next();

    public bool ReadsHistory => false;

    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in context.Space.Parameters)
        {
            if (context.Space.IsActive(spec, assigned))
            {
                var random = TrialRandom.For(Seed, context.TrialNumber, spec.Name);
                assigned[spec.Name] = UniformSampling.Sample(spec.Distribution, random);
            }
        }

        return assigned;
    }
}
