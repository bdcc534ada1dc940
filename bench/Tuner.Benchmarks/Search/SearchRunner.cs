using System.Diagnostics;
using Tuner.Search.Benchmarks;
using Tuner.Benchmarks.Latency;
using Tuner.Search;
using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Studies;

namespace Tuner.Benchmarks.Search;

/// <summary>
/// Minimises a catalogue function with an ask/tell <see cref="Study"/> for a fixed number of trials, one trial at a
/// time, timing every <see cref="Study.Ask"/> (the sampler's work plus the study's bookkeeping) with a Stopwatch.
/// </summary>
public static class SearchRunner
{
    /// <param name="samplerLabel">The kind as the user named it, written to the result.</param>
    public static SearchResult Run(BenchmarkFunction function, string samplerLabel, ISampler sampler, int trials, int seed)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var study = new Study(function.Space, StudyDirection.Minimize, sampler, PrunerCatalog.Create(new PrunerOptions("none")));
        var askMs = new double[trials];
        for (var i = 0; i < trials; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var trial = study.Ask();
            askMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            study.Tell(trial.Number, TrialState.Complete, function.Evaluate(trial.Params));
        }

        var best = study.BestTrial?.Value ?? throw new InvalidOperationException("the study finished without a Complete trial");
        var latency = LatencySummary.Of(askMs);
        return new SearchResult(
            function.Name, function.Dims, samplerLabel, trials, seed, best, best - function.KnownMinimum, latency.MedianMs, latency.P99Ms);
    }
}
