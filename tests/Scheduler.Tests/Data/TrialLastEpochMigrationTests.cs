using Microsoft.EntityFrameworkCore;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Data;

/// <summary>Trials that reported before trials.last_epoch existed get their highest reported epoch; the rest 0.</summary>
[Collection("postgres")]
public sealed class TrialLastEpochMigrationTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Migration_SetsEachTrialsLastEpoch_FromItsReports()
    {
        await using var database = await PartlyMigratedDatabase.UpToAsync(postgres, "migrate_last_epoch", "20261206091714_WorkerRole");
        var db = database.Db;
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO tuner.sweeps (name, state, definition_text, objective, maximize, max_trials, parallelism, created_at, seed, pool)
            VALUES ('s', 'Running', 'name: s', 'val_loss', false, 3, 1, now(), 1, 'local');
            INSERT INTO tuner.trials (sweep_id, number, status, params_json, seed, attempts, preemptions, lost_runs, lease_token, cancel_requested, created_at)
            VALUES (1, 0, 'Pruned', '{}', 1, 1, 0, 0, 1, false, now()),
                   (1, 1, 'Waiting', '{}', 2, 0, 0, 0, 0, false, now()),
                   (1, 2, 'Running', '{}', 3, 1, 0, 0, 1, false, now());
            INSERT INTO tuner.trial_reports (trial_id, epoch, value, metrics_json, seconds, reported_at)
            VALUES (1, 1, 0.5, '{}', 1, now()), (1, 2, 0.4, '{}', 1, now()), (1, 3, 0.45, '{}', 1, now()),
                   (3, 1, 0.7, '{}', 1, now());
            """);

        await database.MigrateRestAsync();

        var epochs = await db.Trials.AsNoTracking().OrderBy(t => t.Number).Select(t => t.LastEpoch).ToListAsync();
        Assert.Equal([3, 0, 1], epochs);
    }
}
