using System.Collections.ObjectModel;
using System.Diagnostics;
using Tuner.Search.Benchmarks;
using Tuner.Search;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Benchmarks.Latency;

/// <summary>
/// Times asks against a fixed history: <c>history</c> Complete trials at uniform random points of [−5, 5]^D (seeded),
/// valued by the sphere function Σxᵢ². The history goes to the sampler directly in a <see cref="SamplingContext"/>,
/// so building it is not timed. Untimed asks come first, at least <see cref="WarmupAsks"/> of them and for at least
/// <see cref="WarmupTime"/>, so .NET's tiered JIT has promoted the hot methods to optimized code (the first few dozen
/// asks run unoptimized tier-0 code and take 2–3 times as long); a scheduler asks thousands of times in one process,
/// so the steady state is what its users see. Then <see cref="TimedAsks"/> timed asks, each for the next trial number;
/// the history does not grow between asks.
/// </summary>
public static class LatencyRunner
{
    public const int WarmupAsks = 50;
    public const int TimedAsks = 100;
    public static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    public static LatencyResult Run(string samplerLabel, ISampler sampler, int dims, int history, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfLessThan(dims, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(history);
        var space = SearchSpace.Create(
            Enumerable.Range(0, dims).Select(i => new ParameterSpec(ContinuousFunction.ParameterName(i), new FloatDistribution(-5, 5))).ToList());
        var trials = History(dims, history, new Random(seed));
        var number = history;
        var warmupStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < WarmupAsks || Stopwatch.GetElapsedTime(warmupStarted) < WarmupTime; i++)
        {
            sampler.Sample(new SamplingContext(space, StudyDirection.Minimize, trials, number++));
        }

        var askMs = new double[TimedAsks];
        for (var i = 0; i < TimedAsks; i++)
        {
            var context = new SamplingContext(space, StudyDirection.Minimize, trials, number++);
            var started = Stopwatch.GetTimestamp();
            sampler.Sample(context);
            askMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
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
