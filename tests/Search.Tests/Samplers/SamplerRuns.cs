using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers;

/// <summary>Draws many suggestions from a sampler for trials 0, 1, 2, ... with an empty history.</summary>
internal static class SamplerRuns
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Draw(ISampler sampler, SearchSpace space, int count) =>
        Enumerable.Range(0, count)
            .Select(n => sampler.Sample(new SamplingContext(space, StudyDirection.Minimize, [], n)))
            .ToList();

    public static IReadOnlyList<T> DrawOne<T>(Distribution distribution, int count = 1000, int seed = 7)
    {
        var space = SearchSpace.Create([new ParameterSpec("x", distribution)]);
        return Draw(new RandomSampler(seed), space, count).Select(p => Assert.IsType<T>(p["x"])).ToList();
    }
}
