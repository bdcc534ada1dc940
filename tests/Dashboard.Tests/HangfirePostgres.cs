using System.Net;
using System.Net.Sockets;
using Tuner.LocalPostgres;

namespace Tuner.Dashboard.Tests;

/// <summary>
/// A private PostgreSQL cluster (no fsync) in a fresh temporary folder on a free loopback port, shared by the dashboard
/// tests; each test gets its own database. Stopped and deleted on dispose.
/// </summary>
public sealed class HangfirePostgres : IAsyncLifetime
{
    // Not mkdtemp's 0700: when tests run as root the cluster runs as the `postgres` user, which must reach the data folder.
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"tuner-dashboard-pg-{Guid.NewGuid():N}");
    private LocalPostgresCluster? cluster;
    private int databases;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var options = new LocalPostgresOptions(Path.Combine(folder, "data"), FreeLoopbackPort(), Durable: false);
        cluster = await LocalPostgresCluster.StartAsync(options, logger: null, CancellationToken.None);
    }

    public Task<string> CreateDatabaseAsync() =>
        (cluster ?? throw new InvalidOperationException("the PostgreSQL cluster has not started"))
            .CreateDatabaseAsync($"dashboard_{Interlocked.Increment(ref databases)}", CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
