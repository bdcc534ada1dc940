using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Npgsql;
using Tuner.LocalPostgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.LocalPostgres;

// Each test runs a cluster of its own; the collection keeps them from competing for CPU with the shared one.
[Collection("postgres")]
public sealed class LocalPostgresClusterStartTests
{
    [Fact]
    public async Task StartAsync_ReusesRunningServer_WhenStartedTwiceOnSameDirectory()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-reuse-");
        var options = new LocalPostgresOptions(directory.Combine("data"), FreePort.Next(), Durable: false);
        await using var first = await LocalPostgresCluster.StartAsync(options, null, CancellationToken.None);

        await using (var second = await LocalPostgresCluster.StartAsync(options, null, CancellationToken.None))
        {
            Assert.True(first.OwnsProcess);
            Assert.False(second.OwnsProcess);
            Assert.Equal(first.ConnectionString, second.ConnectionString);
        }

        Assert.Equal(1, await SelectOneAsync(first.ConnectionString));
    }

    [Fact]
    public async Task StartAsync_FailsNamingBothPorts_WhenServerRunsOnDirectoryWithOtherPort()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-moved-");
        var options = new LocalPostgresOptions(directory.Combine("data"), FreePort.Next(), Durable: false);
        await using var running = await LocalPostgresCluster.StartAsync(options, null, CancellationToken.None);
        var otherPort = FreePort.Next();

        var error = await Assert.ThrowsAsync<LocalPostgresException>(
            () => LocalPostgresCluster.StartAsync(options with { Port = otherPort }, null, CancellationToken.None));

        Assert.Contains($"on port {options.Port}", error.Message);
        Assert.Contains($"port {otherPort} was asked for", error.Message);
    }

    [Fact]
    public async Task StartAsync_StartsServerOnce_WhenTwoStartsRaceOnFreshDirectory()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-race-");
        var options = new LocalPostgresOptions(directory.Combine("data"), FreePort.Next(), Durable: false);

        var clusters = await Task.WhenAll(
            Task.Run(() => LocalPostgresCluster.StartAsync(options, null, CancellationToken.None)),
            Task.Run(() => LocalPostgresCluster.StartAsync(options, null, CancellationToken.None)));
        await using var owner = clusters.Single(cluster => cluster.OwnsProcess);
        await using var reuser = clusters.Single(cluster => !cluster.OwnsProcess);

        Assert.Equal(1, await SelectOneAsync(reuser.ConnectionString));
    }

    [Fact]
    public async Task StartAsync_Succeeds_AfterServerWasKilledLeavingStalePidFile()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-killed-");
        var options = new LocalPostgresOptions(directory.Combine("data"), FreePort.Next(), Durable: false);
        // Not disposed: the server it started is killed below, and disposing it later would stop its successor.
        var killed = await LocalPostgresCluster.StartAsync(options, null, CancellationToken.None);
        var pidFile = Path.Combine(options.DataDirectory, "postmaster.pid");
        await KillAsync(int.Parse(File.ReadLines(pidFile).First()));
        Assert.True(File.Exists(pidFile));

        await using var restarted = await LocalPostgresCluster.StartAsync(options, null, CancellationToken.None);

        Assert.True(restarted.OwnsProcess);
        Assert.Equal(1, await SelectOneAsync(restarted.ConnectionString));
        Assert.True(killed.OwnsProcess);
    }

    [Fact]
    public async Task StartAsync_FailsNamingPort_WhenAnotherProcessListensOnIt()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-port-");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var options = new LocalPostgresOptions(directory.Combine("data"), port, Durable: false);

            var error = await Assert.ThrowsAsync<LocalPostgresException>(
                () => LocalPostgresCluster.StartAsync(options, null, CancellationToken.None));

            Assert.Contains($"port {port}", error.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task StartAsync_FailsNamingDirectory_WhenServerAccountCannotTraverseParent()
    {
        using var directory = await ScratchDirectory.CreateAsync("tuner-pg-locked-");
        var locked = Directory.CreateDirectory(directory.Combine("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var options = new LocalPostgresOptions(Path.Combine(locked, "data"), FreePort.Next(), Durable: false);

            var error = await Assert.ThrowsAsync<LocalPostgresException>(
                () => LocalPostgresCluster.StartAsync(options, null, CancellationToken.None));

            Assert.Contains(locked, error.Message);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<int> SelectOneAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    // SIGKILL, then wait until the postmaster is gone or a zombie (its parent is not this process, so nobody here
    // can reap it): the state a crash leaves behind.
    private static async Task KillAsync(int processId)
    {
        using (var process = Process.GetProcessById(processId))
        {
            process.Kill();
        }
        var stat = $"/proc/{processId}/stat";
        for (var attempt = 0; attempt < 200 && File.Exists(stat); attempt++)
        {
            var state = File.ReadAllText(stat).Split(") ")[^1][0];
            if (state is 'Z' or 'X')
            {
                return;
            }
            await Task.Delay(50);
        }
    }
}
