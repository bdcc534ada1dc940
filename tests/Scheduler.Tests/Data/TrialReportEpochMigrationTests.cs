using Microsoft.EntityFrameworkCore;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Data;

/// <summary>Reports stored under the old column name (step, which always held the 1-based epoch) keep their epoch.</summary>
[Collection("postgres")]
public sealed class TrialReportEpochMigrationTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Migration_KeepsEveryStoredReport_UnderItsEpoch()
    {
        await using var database = await PartlyMigratedDatabase.UpToAsync(postgres, "migrate_report_epoch", "20261205054341_StoredSweepSeed");
        var db = database.Db;
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO tuner.sweeps (name, state, definition_text, objective, maximize, max_trials, parallelism, created_at, seed, pool)
            VALUES ('s', 'Running', 'name: s', 'val_loss', false, 3, 1, now(), 1, 'local');
            INSERT INTO tuner.trials (sweep_id, number, status, params_json, seed, attempts, preemptions, lost_runs, lease_token, cancel_requested, created_at)
            VALUES (1, 0, 'Running', '{}', 1, 0, 0, 0, 0, false, now());
            INSERT INTO tuner.trial_reports (trial_id, step, value, metrics_json, seconds, reported_at)
            VALUES (1, 1, 0.25, '{}', 1, now()), (1, 2, 0.5, '{}', 1, now());
            """);

        await database.MigrateRestAsync();

        var reports = await db.TrialReports.AsNoTracking().OrderBy(r => r.Epoch).Select(r => new { r.Epoch, r.Value }).ToListAsync();
        Assert.Equal([(1, 0.25), (2, 0.5)], reports.Select(r => (r.Epoch, r.Value)));
    }
}
