using Microsoft.EntityFrameworkCore;
using Prometheus;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// Trials by pool and state, the queue depth of each pool (its Waiting trials: queued, or handed back and waiting to
/// resume) and the preemptions per pool (the sum of the trials' preemption counters, which count runs handed back with
/// notice and runs whose machine vanished), all from one query grouped by pool and state.
/// </summary>
internal sealed class TrialFigures : IDatabaseFigures
{
    private static readonly TrialStatus[] States = Enum.GetValues<TrialStatus>();

    private readonly PublishedSeries<Gauge.Child> _trials;
    private readonly PublishedSeries<Gauge.Child> _queueDepth;
    private readonly PublishedSeries<Counter.Child> _preemptions;

    public TrialFigures(IMetricFactory factory)
    {
        _trials = PublishedSeries<Gauge.Child>.Of(factory.CreateGauge(
            "tuner_trials", "Trials by the pool their sweep runs on and their state.", ["pool", "state"]));
        _queueDepth = PublishedSeries<Gauge.Child>.Of(factory.CreateGauge(
            "tuner_queue_depth", "Waiting trials of the pool: queued for a worker, new or handed back to resume.", ["pool"]));
        _preemptions = PublishedSeries<Counter.Child>.Of(factory.CreateCounter(
            "tuner_preemptions_total", "Runs handed back with notice (SIGTERM, a spot notice) or whose machine vanished, by pool.", ["pool"]));
    }

    /// <summary>The state label: the stored state in lowercase (waiting, running, complete, pruned, failed, cancelled).</summary>
    public static string Label(TrialStatus state) => state.ToString().ToLowerInvariant();

    public async Task ReadAsync(TunerDbContext db, IReadOnlyCollection<string> pools, CancellationToken ct)
    {
        var rows = await (
            from t in db.Trials
            join s in db.Sweeps on t.SweepId equals s.Id
            group t by new { s.Pool, t.Status } into g
            select new { g.Key.Pool, g.Key.Status, Trials = g.Count(), Preemptions = g.Sum(t => t.Preemptions) })
            .ToListAsync(ct);

        var allPools = pools.Union(rows.Select(r => r.Pool)).ToList();
        var count = rows.ToDictionary(r => (r.Pool, r.Status), r => r.Trials);
        _trials.Publish(
            from pool in allPools
            from state in States
            select (new[] { pool, Label(state) }, (double)count.GetValueOrDefault((pool, state))));
        _queueDepth.Publish(allPools.Select(pool => (new[] { pool }, (double)count.GetValueOrDefault((pool, TrialStatus.Waiting)))));
        _preemptions.Publish(allPools.Select(pool => (new[] { pool }, (double)rows.Where(r => r.Pool == pool).Sum(r => r.Preemptions))));
    }

    public void Clear()
    {
        _trials.Clear();
        _queueDepth.Clear();
        _preemptions.Clear();
    }
}
