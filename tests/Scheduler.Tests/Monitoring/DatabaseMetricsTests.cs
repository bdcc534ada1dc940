using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Monitoring;
using Tuner.TestSupport.Metrics;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Monitoring;

/// <summary>The scrape-time figures when the database goes away: the scrape still answers with the process's own
/// metrics, says the database is down, and leaves the figures out rather than repeat the last ones.</summary>
[Collection("postgres")]
public sealed class DatabaseMetricsTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Scrape_LeavesTheDatabaseFiguresOut_AndSaysTheDatabaseIsDown_WhenItDoesNotAnswer()
    {
        var connectionString = await postgres.CreateDatabaseAsync("metrics_database_down");
        await using var harness = await SchedulerHarness.StartAsync(connectionString);
        await harness.SubmitAsync(SweepTexts.Small(maxTrials: 3, parallelism: 3));
        var metrics = harness.Get<TunerMetrics>();
        _ = new DatabaseMetrics(metrics, harness.Get<IDbContextFactory<TunerDbContext>>(), harness.Get<Tuner.Scheduling.Costs.SweepCosts>(), TimeProvider.System, NullLogger<DatabaseMetrics>.Instance);

        var before = await ScrapeAsync(metrics);
        await DropAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        var after = await ScrapeAsync(metrics);

        Assert.Equal((1, 3, 3), (before.Value("tuner_database_up"), before.Value("tuner_queue_depth", ("pool", "local")), before.Sum("tuner_trials")));
        Assert.Equal(0, after.Value("tuner_database_up"));
        Assert.Equal(0, before.Value("tuner_sweep_spent_usd", ("sweep_id", "1"), ("sweep_name", "small-7")));
        Assert.Empty(new[] { "tuner_trials", "tuner_queue_depth", "tuner_workers", "tuner_preemptions_total", "tuner_lease_losses_total", "tuner_sweep_spent_usd" }
            .SelectMany(after.Series));
        Assert.Equal(3, after.Value("tuner_sampler_ask_duration_seconds_count", ("sampler", "random")));
    }

    private static async Task<MetricsScrape> ScrapeAsync(TunerMetrics metrics)
    {
        using var text = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(text);
        return MetricsScrape.Parse(Encoding.UTF8.GetString(text.ToArray()));
    }

    private async Task DropAsync(string database)
    {
        await using var connection = new NpgsqlConnection(postgres.Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
