using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tuner.Scheduler.Data;
using Tuner.LocalPostgres;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// Finds the database every role uses: TUNER_DATABASE_URL when set, otherwise the private PostgreSQL cluster under
/// TUNER_HOME (started if needed). Applies EF Core migrations, which take a database lock, so roles may start together.
/// </summary>
public sealed class DatabaseBootstrap : IAsyncDisposable
{
    private readonly LocalPostgresCluster? cluster;

    private DatabaseBootstrap(string connectionString, LocalPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        this.cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<DatabaseBootstrap> StartAsync(TunerSettings settings, ILogger logger, CancellationToken ct)
    {
        LocalPostgresCluster? cluster = null;
        var connectionString = settings.DatabaseUrl;
        if (connectionString is null)
        {
            var options = new LocalPostgresOptions(LocalClusterDirectory.For(settings.Home), settings.LocalPostgresPort);
            cluster = await LocalPostgresCluster.StartAsync(options, logger, ct);
            connectionString = cluster.ConnectionString;
            logger.LogInformation("Using the private PostgreSQL cluster in {Directory} on port {Port}", options.DataDirectory, options.Port);
        }

        await MigrateAsync(connectionString, ct);

        return new DatabaseBootstrap(connectionString, cluster);
    }

    /// <summary>
    /// Applies pending migrations under a PostgreSQL advisory lock, so a server and its workers starting at the same
    /// moment migrate once, one after another.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockId})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var options = new DbContextOptionsBuilder<TunerDbContext>()
                .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", TunerDatabase.Schema)).Options;
            await using var db = new TunerDbContext(options);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockId})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>An arbitrary, fixed key for the migration lock ("tuner" in ASCII).</summary>
    private const long MigrationLockId = 0x74756E6572;

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
