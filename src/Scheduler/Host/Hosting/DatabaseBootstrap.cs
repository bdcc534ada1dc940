using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tuner.Persistence;
using Tuner.Persistence.Access;
using Tuner.LocalPostgres;
using Tuner.Jobs;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// Finds the database every role uses: TUNER_DATABASE_URL when set, otherwise the private PostgreSQL cluster under
/// TUNER_HOME (started if needed). Applies EF Core migrations, which take a database lock, so roles may start together,
/// prepares Hangfire's schema and makes the workers' role (<see cref="WorkerDatabaseRole"/>). A worker only migrates
/// when its user owns the schema (<see cref="StartWorkerAsync"/>).
/// </summary>
public sealed class DatabaseBootstrap : IAsyncDisposable
{
    private readonly LocalPostgresCluster? cluster;

    private DatabaseBootstrap(string connectionString, LocalPostgresCluster? cluster, string? workerConnectionString = null)
    {
        ConnectionString = connectionString;
        WorkerConnectionString = workerConnectionString;
        this.cluster = cluster;
    }

    public string ConnectionString { get; }

    /// <summary>How the workers this process launches sign in: the worker role; null when the database user may not
    /// create it (then cloud launches need TUNER_WORKER_DATABASE_URL).</summary>
    public string? WorkerConnectionString { get; }

    public static async Task<DatabaseBootstrap> StartAsync(TunerSettings settings, ILogger logger, CancellationToken ct)
    {
        var (connectionString, cluster) = await ConnectAsync(settings, logger, ct);
        await TunerDatabase.MigrateAsync(connectionString, ct);
        HangfireSetup.PrepareSchema(connectionString);
        string? workers = null;
        try
        {
            workers = await WorkerDatabaseRole.EnsureAsync(connectionString, ct);
        }
        catch (WorkerRoleUnavailableException e)
        {
            logger.LogWarning("Workers started here sign in as this process does, and cloud workers cannot be launched: {Reason}", e.Message);
        }

        return new DatabaseBootstrap(connectionString, cluster, workers);
    }

    /// <summary>`tuner worker`: the worker role may not migrate, so a worker checks the schema is this version's and
    /// migrates only when its user owns the schema (a worker started by hand with the owner's credential).</summary>
    public static async Task<DatabaseBootstrap> StartWorkerAsync(TunerSettings settings, ILogger logger, CancellationToken ct)
    {
        var (connectionString, cluster) = await ConnectAsync(settings, logger, ct);
        if (!await TunerDatabase.IsCurrentAsync(connectionString, ct))
        {
            if (!await SchemaOwnership.CanMigrateAsync(connectionString, ct))
            {
                throw new CliFailure(ExitCodes.DatabaseUnavailable,
                    "the database schema is behind this worker's version: start `tuner server` of this version first");
            }

            await TunerDatabase.MigrateAsync(connectionString, ct);
            HangfireSetup.PrepareSchema(connectionString);
        }

        return new DatabaseBootstrap(connectionString, cluster);
    }

    private static async Task<(string ConnectionString, LocalPostgresCluster? Cluster)> ConnectAsync(TunerSettings settings, ILogger logger, CancellationToken ct)
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

        return (connectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
