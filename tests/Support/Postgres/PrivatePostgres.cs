using Tuner.LocalPostgres;

namespace Tuner.TestSupport.Postgres;

/// <summary>
/// A real PostgreSQL server of one test's own, so the test can stop and start it (a database outage) without
/// disturbing the shared <see cref="PostgresServerFixture"/>. Stopped and deleted on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly ScratchDirectory directory;
    private readonly LocalPostgresOptions options;
    private LocalPostgresCluster cluster;

    private PrivatePostgres(ScratchDirectory directory, LocalPostgresOptions options, LocalPostgresCluster cluster)
    {
        this.directory = directory;
        this.options = options;
        this.cluster = cluster;
    }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = await ScratchDirectory.CreateAsync("tuner-pg-private-");
        var options = new LocalPostgresOptions(directory.Combine("data"), FreePort.Next(), Durable: false);
        return new PrivatePostgres(directory, options, await LocalPostgresCluster.StartAsync(options, logger: null, CancellationToken.None));
    }

    public Task<string> CreateDatabaseAsync(string name) => cluster.CreateDatabaseAsync(name, CancellationToken.None);

    /// <summary>A fast shutdown: every open connection is closed by the server (57P01), new ones are refused.</summary>
    public Task StopAsync() => cluster.StopAsync();

    /// <summary>Starts the server again on the same data directory and port.</summary>
    public async Task StartAgainAsync() =>
        cluster = await LocalPostgresCluster.StartAsync(options, logger: null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAsync();
        directory.Dispose();
    }
}
