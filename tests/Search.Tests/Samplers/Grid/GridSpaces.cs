using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Grid;

/// <summary>Search spaces for the grid tests, and an independent brute-force list of their valid combinations.</summary>
internal static class GridSpaces
{
    /// <summary>3 x 4 x 5 = 60 combinations.</summary>
    public static SearchSpace Flat { get; } = SearchSpace.Create(
    [
        new("optimizer", new CategoricalDistribution(["adam", "sgd", "rmsprop"])),
        new("layers", new IntDistribution(1, 4)),
        new("dropout", new FloatDistribution(0, 1, Step: 0.25)),
    ]);

    /// <summary>
    /// optimizer: adam (1) or sgd with momentum (5) x schedule (constant, cosine, or step with step_size 1..3: 5) = 26;
    /// batch_size: 32, 128, or 64 with warmup 0..2 = 5; 130 combinations.
    /// </summary>
    public static SearchSpace Conditional { get; } = SearchSpace.Create(
    [
        new("step_size", new IntDistribution(1, 3), new("schedule", ["step"])),
        new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new("momentum", new FloatDistribution(0.5, 0.9, Step: 0.1), new("optimizer", ["sgd"])),
        new("schedule", new CategoricalDistribution(["constant", "cosine", "step"]), new("optimizer", ["sgd"])),
        new("batch_size", new CategoricalDistribution([32, 64, 128])),
        new("warmup", new IntDistribution(0, 4, Step: 2), new("batch_size", [64])),
    ]);

    /// <summary>Every valid combination, by trying every value of every parameter and dropping inactive ones.</summary>
    public static HashSet<string> BruteForce(SearchSpace space)
    {
        var combos = new List<Dictionary<string, object>> { new() };
        foreach (var spec in space.Parameters)
        {
            combos = combos.SelectMany(c => space.IsActive(spec, c)
                ? Values(spec.Distribution).Select(v => new Dictionary<string, object>(c) { [spec.Name] = v })
                : [c]).ToList();
        }

        return combos.Select(Key).ToHashSet();
    }

    /// <summary>A canonical text for an assignment, so assignments can be compared as set members.</summary>
    public static string Key(IReadOnlyDictionary<string, object> assignment) =>
        string.Join(";", assignment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => FormattableString.Invariant($"{p.Key}={p.Value}")));

    private static IEnumerable<object> Values(Distribution distribution) => distribution switch
    {
        CategoricalDistribution c => c.Choices,
        IntDistribution i => Enumerable.Range(0, (int)((i.High - i.Low) / i.Step) + 1).Select(k => (object)(i.Low + k * i.Step)),
        FloatDistribution { Step: { } step } f => Enumerable.Range(0, (int)Math.Floor((f.High - f.Low) / step + 1e-8) + 1).Select(k => (object)Math.Min(f.Low + k * step, f.High)),
        _ => throw new ArgumentException("not a finite distribution", nameof(distribution)),
    };
}
