using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Prometheus;
using Tuner.Persistence;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// The figures `tuner server` reads from PostgreSQL each time it is scraped, registered as a before-collect callback on
/// <see cref="TunerMetrics.Registry"/>: the database is the one place that knows every process's trials, workers and
/// runs, so the values are right whichever process changed them, and across restarts (a counter read as a total from
/// the database never resets). Workers do not export these, so they are not counted twice.
/// <para>
/// Cost of a scrape: one query for the pools, then one aggregate query per family (<see cref="IDatabaseFigures"/>),
/// each returning a row per pool and state, never a row per trial; scrapes run one at a time, and the queries give up
/// after <see cref="QueryTimeout"/>. When the database does not answer, the scrape still succeeds with the process's own
/// metrics, <c>tuner_database_up</c> is 0 and the database figures are left out rather than repeated stale.
/// </para>
/// <para>
/// Several `tuner server` processes on one database each export the same figures (told apart by Prometheus's
/// <c>instance</c> label): aggregate them with <c>max by (pool, …)</c>, as docker/grafana-dashboard.json does.
/// </para>
/// </summary>
public sealed class DatabaseMetrics
{
    /// <summary>How long a scrape's queries may take together.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<TunerDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly ILogger<DatabaseMetrics> _logger;
    private readonly IReadOnlyList<IDatabaseFigures> _families;
    private readonly Gauge _up;
    private readonly Gauge _duration;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the families' metrics in <paramref name="metrics"/> and registers the callback (once: a singleton).</summary>
    public DatabaseMetrics(TunerMetrics metrics, IDbContextFactory<TunerDbContext> contexts, Costs.SweepCosts costs, TimeProvider clock, ILogger<DatabaseMetrics> logger)
    {
        _contexts = contexts;
        _clock = clock;
        _logger = logger;
        _families =
        [
            new TrialFigures(metrics.Factory),
            new LeaseLossFigures(metrics.Factory),
            new WorkerFigures(metrics.Factory),
            new SweepCostFigures(metrics.Factory, costs),
        ];
        _up = metrics.Factory.CreateGauge(
            "tuner_database_up", "1 when the last scrape read its figures from PostgreSQL; 0 when it could not (they are then left out).");
        _duration = metrics.Factory.CreateGauge(
            "tuner_database_scrape_duration_seconds", "How long the last scrape's database queries took.");
        metrics.Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    private async Task RefreshAsync(CancellationToken scrape)
    {
        await _gate.WaitAsync(scrape);
        var started = _clock.GetTimestamp();
        try
        {
            using var timeout = new CancellationTokenSource(QueryTimeout, _clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(scrape, timeout.Token);
            await using var db = await _contexts.CreateDbContextAsync(linked.Token);
            var pools = await db.CapacityPools.Select(p => p.Name).ToListAsync(linked.Token);
            foreach (var family in _families)
            {
                await family.ReadAsync(db, pools, linked.Token);
            }

            _up.Set(1);
        }
        catch (Exception ex) when (!scrape.IsCancellationRequested)
        {
            _logger.LogWarning("Reading metrics from the database failed ({Message}); this scrape leaves them out", ex.Message);
            foreach (var family in _families)
            {
                family.Clear();
            }

            _up.Set(0);
        }
        finally
        {
            _duration.Set(_clock.GetElapsedTime(started).TotalSeconds);
            _gate.Release();
        }
    }
}
