using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Tuner.LocalPostgres;

/// <summary>
/// Tuner's private PostgreSQL cluster: a data directory of its own, served on 127.0.0.1 only. Start reuses a server
/// already running on the data directory (then <see cref="OwnsProcess"/> is false and disposal leaves it running).
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan LockLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ReadinessLimit = TimeSpan.FromSeconds(60);

    private readonly ServerControl _control;
    private readonly ILogger _logger;
    private readonly int _port;
    private bool _stopped;

    private LocalPostgresCluster(ServerControl control, LocalPostgresOptions options, bool ownsProcess, ILogger logger)
    {
        _control = control;
        _port = options.Port;
        _logger = logger;
        OwnsProcess = ownsProcess;
        ConnectionString = ConnectionStringFor(options.Database);
    }

    /// <summary>Npgsql connection string to the options' database, as the cluster's superuser, pooled.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server writes its log (pg_ctl's -l), beside the data directory.</summary>
    public string LogFile => _control.LogFile;

    /// <summary>False when start found this cluster's server already running and reused it.</summary>
    public bool OwnsProcess { get; }

    public static Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger? logger, CancellationToken ct) =>
        StartAsync(options, PostgresBinaryLocator.Default, logger, ct);

    internal static async Task<LocalPostgresCluster> StartAsync(
        LocalPostgresOptions options, PostgresBinaryLocator locator, ILogger? logger, CancellationToken ct)
    {
        options.Validate();
        logger ??= NullLogger.Instance;
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
        var binaries = await locator.LocateAsync(ct);
        var account = ServerAccount.Current;
        await account.EnsureUsableAsync(ct);
        DataDirectoryAccess.CreateParent(dataDirectory);

        var control = new ServerControl(binaries, account, dataDirectory);
        using (await ClusterLock.AcquireAsync(dataDirectory, LockLimit, ct))
        {
            var owns = await ClusterStartup.EnsureRunningAsync(control, options, account, logger, ct);
            var cluster = new LocalPostgresCluster(control, options, owns, logger);
            try
            {
                await ServerReadiness.WaitAsync(
                    cluster.ConnectionStringFor("postgres"),
                    ReadinessLimit,
                    () => PostmasterPidFile.Read(dataDirectory)?.BelongsToLiveServer() == true,
                    () => DescribeLogAsync(control, ct),
                    ct);
                await cluster.CreateDatabaseAsync(options.Database, ct);
                return cluster;
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Creates the database unless it exists; returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        DatabaseName.EnsureValid(name);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = name });
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            try
            {
                // The name passed DatabaseName's rule, so quoting it as an identifier is safe.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
                _logger.LogInformation("Created database {Database} on port {Port}", name, _port);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created concurrently by another caller: the goal is reached.
            }
        }
        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server with a fast shutdown (also when this instance reused it).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        if (await _control.StopAsync(CancellationToken.None))
        {
            _logger.LogInformation("Stopped PostgreSQL in {DataDirectory}", _control.DataDirectory);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (OwnsProcess)
        {
            await StopAsync();
        }
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Database = database,
            Username = ServerControl.SuperUser,
            Pooling = true,
        }.ConnectionString;

    private static async Task<string> DescribeLogAsync(ServerControl control, CancellationToken ct) =>
        $"last lines of {control.LogFile}:\n{await control.LogTailAsync(ct)}";
}
