using Tuner.Persistence;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// A few metric families read from PostgreSQL when the server is scraped (<see cref="DatabaseMetrics"/>): one
/// aggregate query each, whose result has a row per label set (pool, state, sweep), never a row per trial.
/// </summary>
internal interface IDatabaseFigures
{
    /// <summary>Reads the figures and publishes them.</summary>
    /// <param name="pools">Every capacity pool a sweep has named: a family labelled by pool exports 0 for the pools
    /// without rows, so a pool's queue that empties reads 0 rather than vanishing.</param>
    Task ReadAsync(TunerDbContext db, IReadOnlyCollection<string> pools, CancellationToken ct);

    /// <summary>Stops exporting every series (the database did not answer: no stale values).</summary>
    void Clear();
}
