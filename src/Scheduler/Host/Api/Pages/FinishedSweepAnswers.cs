using Microsoft.Extensions.Caching.Memory;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>
/// What the pages read of a finished sweep (its progress, curves, parameters and timeline), kept in memory once
/// computed. A sweep is Completed or Cancelled only when none of its trials is live any more (SweepOrchestrator), so
/// these answers cannot change while it stays finished; continuing it (raising max_trials) sets it running, and its next
/// finish has another time, which the key holds. Each answer is computed in the same snapshot as the sweep's row that
/// says it finished. At 50,000 trials these four reads took 0.5 s of the server's CPU on every load of the page.
/// Not kept: the cost report (storage is charged by the hour, and a machine's last ledger lines can come after the
/// finish), the trials table (sorted and paged any way, and cheap), and anything of a sweep still running.
/// </summary>
public sealed class FinishedSweepAnswers
{
    /// <summary>The most items (points, rows or runs) kept in all: tens of megabytes.</summary>
    public const long CapacityItems = 2_000_000;

    private static readonly TimeSpan UnusedFor = TimeSpan.FromMinutes(30);
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = CapacityItems });

    /// <summary>The kept answer to <paramref name="query"/> (the endpoint and its arguments) when the sweep is finished;
    /// otherwise, or the first time, what <paramref name="compute"/> answers.</summary>
    internal async Task<T> GetAsync<T>(PageSweep sweep, string query, Func<Task<T>> compute)
        where T : class
    {
        if (sweep.Sweep is not { State: SweepState.Completed or SweepState.Cancelled, FinishedAt: { } finished }) return await compute();
        var key = (sweep.Id, finished, query);
        if (answers.TryGetValue(key, out T? kept) && kept is not null) return kept;
        var answer = await compute();
        answers.Set(key, answer, new MemoryCacheEntryOptions { Size = Math.Max(1, ItemsIn(answer)), SlidingExpiration = UnusedFor });
        return answer;
    }

    private static long ItemsIn(object answer) => answer switch
    {
        SweepProgress progress => progress.Points.Count,
        SweepCurves curves => curves.Curves.Sum(c => (long)c.Points.Count),
        SweepParameters parameters => (long)parameters.Rows.Count * (parameters.Parameters.Count + 1),
        SweepTimeline timeline => timeline.Shown,
        _ => 1,
    };
}
