using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Grid;

/// <summary>
/// Grid search (after optuna/samplers/_grid.py): every combination of the space's values is suggested once, in a
/// shuffled order fixed by the seed, before any repeats. The grid holds every choice of a categorical, every step
/// of an int (log ints: every integer) and every step of a stepped float; a float without a step is refused (see
/// <see cref="Validate"/>). Conditional parameters only multiply the combinations where they are active, so the
/// grid holds only valid combinations. The sampler keeps no state: a combination counts as used when any trial
/// of the history (pending ones included, any state) has exactly its parameters, and the suggestion is the first
/// unused combination in the seeded order. Once every combination is used, the grid is exhausted and the sampler
/// repeats a combination drawn at random from (seed, trial number); callers that want to stop there compare the
/// number of trials with <see cref="GridSize"/>. Without a seed, one is picked at construction (see <see cref="Seed"/>).
/// </summary>
public sealed class GridSampler(int? seed = null) : ISampler
{
    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; } = seed ?? Random.Shared.Next();

    /// <summary>The number of valid combinations of the space.</summary>
    /// <exception cref="ArgumentException">The space has no finite grid; the message lists each reason (see <see cref="Validate"/>).</exception>
    public static long GridSize(SearchSpace space) => GridLayout.Create(space).Size;

    /// <summary>
    /// Why the space cannot be grid-sampled, one message per problem (each continuous float is named); empty when
    /// it can. For sweep-definition validation.
    /// </summary>
    public static IReadOnlyList<string> Validate(SearchSpace space) => GridLayout.Problems(space);

    /// <exception cref="ArgumentException">The space has no finite grid.</exception>
    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = GridLayout.Create(context.Space);
        var used = context.Trials.Select(t => layout.Encode(t.Params)).Where(i => i >= 0).ToHashSet();
        if (used.Count >= layout.Size)
        {
            var random = TrialRandom.For(Seed, context.TrialNumber, "grid-exhausted");
            return layout.Decode((long)random.NextUInt64((ulong)layout.Size - 1));
        }

        var order = new GridPermutation(layout.Size, Seed);
        for (var position = 0L; ; position++)
        {
            var index = order.At(position);
            if (!used.Contains(index))
            {
                return layout.Decode(index);
            }
        }
    }
}
