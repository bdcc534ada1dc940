using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tuner.Persistence;
using Tuner.LocalPostgres;
using Tuner.Scheduling.Settings;

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

        await TunerDatabase.MigrateAsync(connectionString, ct);

        return new DatabaseBootstrap(connectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
