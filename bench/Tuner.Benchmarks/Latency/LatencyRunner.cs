using System.Collections.ObjectModel;
using System.Diagnostics;
using Tuner.Benchmarks.Functions;
using Tuner.Search;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Benchmarks.Latency;

/// <summary>
/// Times asks against a fixed history: <c>history</c> Complete trials at uniform random points of [−5, 5]^D (seeded),
/// valued by the sphere function Σxᵢ². The history goes to the sampler directly in a <see cref="SamplingContext"/>,
/// so building it is not timed. <see cref="WarmupAsks"/> untimed asks (JIT, caches) come first, then
/// <see cref="TimedAsks"/> timed ones, each for the next trial number; the history does not grow between asks.
/// </summary>
public static class LatencyRunner
{
    public const int WarmupAsks = 5;
    public const int TimedAsks = 50;

    public static LatencyResult Run(string samplerLabel, ISampler sampler, int dims, int history, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfLessThan(dims, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(history);
        var space = SearchSpace.Create(
            Enumerable.Range(0, dims).Select(i => new ParameterSpec(ContinuousFunction.ParameterName(i), new FloatDistribution(-5, 5))).ToList());
        var trials = History(dims, history, new Random(seed));
        var askMs = new double[TimedAsks];
        for (var i = 0; i < WarmupAsks + TimedAsks; i++)
        {
            var context = new SamplingContext(space, StudyDirection.Minimize, trials, history + i);
            var started = Stopwatch.GetTimestamp();
            sampler.Sample(context);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= WarmupAsks)
            {
                askMs[i - WarmupAsks] = elapsed;
            }
        }

        var summary = LatencySummary.Of(askMs);
        return new LatencyResult(samplerLabel, dims, history, summary.MedianMs, summary.P99Ms);
    }

    private static ReadOnlyCollection<FrozenTrial> History(int dims, int count, Random random)
    {
        var trials = new List<FrozenTrial>(count);
        for (var number = 0; number < count; number++)
        {
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
            var sphere = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var x = -5 + 10 * random.NextDouble();
                parameters[ContinuousFunction.ParameterName(d)] = x;
                sphere += x * x;
            }

            trials.Add(new FrozenTrial(number, TrialState.Complete, parameters, new Dictionary<int, double>(), sphere));
        }

        return trials.AsReadOnly();
    }
}
