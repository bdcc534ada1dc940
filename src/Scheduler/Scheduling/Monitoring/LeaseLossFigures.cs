using Microsoft.EntityFrameworkCore;
using Prometheus;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// Lease losses per pool: runs that ended Lost, their worker silent until the lease ran out or was taken over (killed,
/// out of memory, crashed, or its machine gone). A vanished machine's run is also a preemption
/// (<see cref="TrialFigures"/>); a run handed back with notice is a preemption only.
/// </summary>
internal sealed class LeaseLossFigures(IMetricFactory factory) : IDatabaseFigures
{
    private readonly PublishedSeries<Counter.Child> _losses = PublishedSeries<Counter.Child>.Of(factory.CreateCounter(
        "tuner_lease_losses_total", "Runs whose worker lost the trial's lease (went silent until it expired or was taken over), by pool.", ["pool"]));

    public async Task ReadAsync(TunerDbContext db, IReadOnlyCollection<string> pools, CancellationToken ct)
    {
        var rows = await (
            from r in db.TrialRuns
            where r.Outcome == TrialRunOutcome.Lost
            join t in db.Trials on r.TrialId equals t.Id
            join s in db.Sweeps on t.SweepId equals s.Id
            group r by s.Pool into g
            select new { Pool = g.Key, Runs = g.Count() })
            .ToDictionaryAsync(r => r.Pool, r => r.Runs, ct);

        _losses.Publish(pools.Union(rows.Keys).Select(pool => (new[] { pool }, (double)rows.GetValueOrDefault(pool))));
    }

    public void Clear() => _losses.Clear();
}
