using Microsoft.EntityFrameworkCore;
using Prometheus;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Monitoring;

/// <summary>Active workers per pool: `tuner worker` processes registered on the pool's queue and not yet Stopped or
/// marked Lost by the reconciler (the workers table keeps every worker that ever ran; only Active ones count).</summary>
internal sealed class WorkerFigures(IMetricFactory factory) : IDatabaseFigures
{
    private readonly PublishedSeries<Gauge.Child> _workers = PublishedSeries<Gauge.Child>.Of(factory.CreateGauge(
        "tuner_workers", "Active workers (registered, heartbeating) on the pool's queue.", ["pool"]));

    public async Task ReadAsync(TunerDbContext db, IReadOnlyCollection<string> pools, CancellationToken ct)
    {
        var rows = await db.Workers
            .Where(w => w.State == WorkerState.Active)
            .GroupBy(w => w.Queue)
            .Select(g => new { Pool = g.Key, Workers = g.Count() })
            .ToDictionaryAsync(r => r.Pool, r => r.Workers, ct);

        _workers.Publish(pools.Union(rows.Keys).Select(pool => (new[] { pool }, (double)rows.GetValueOrDefault(pool))));
    }

    public void Clear() => _workers.Clear();
}
