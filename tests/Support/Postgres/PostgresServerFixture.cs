using System.Text.RegularExpressions;
using Tuner.LocalPostgres;

namespace Tuner.TestSupport.Postgres;

/// <summary>
/// One real PostgreSQL server per test run (Durable=false: no fsync), in a fresh temporary directory on a free
/// port. Tests get their own databases from <see cref="CreateDatabaseAsync"/>. Stopped and deleted on dispose.
/// </summary>
public sealed partial class PostgresServerFixture : IAsyncLifetime
{
    private ScratchDirectory? _directory;
    private LocalPostgresCluster? _cluster;
    private int _databases;

    public LocalPostgresCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("the PostgreSQL fixture has not been initialized");

    public async Task InitializeAsync()
    {
        _directory = await ScratchDirectory.CreateAsync("tuner-pg-");
        var options = new LocalPostgresOptions(_directory.Combine("data"), FreePort.Next(), Durable: false);
        _cluster = await LocalPostgresCluster.StartAsync(options, logger: null, CancellationToken.None);
    }

    /// <summary>Creates a new, empty database whose name starts with the prefix; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix)
    {
        var cleaned = NotIdentifierCharacters().Replace(prefix.ToLowerInvariant(), "_");
        var name = $"{cleaned[..Math.Min(cleaned.Length, 40)]}_{Interlocked.Increment(ref _databases)}";
        return Cluster.CreateDatabaseAsync(char.IsDigit(name[0]) ? "d" + name : name, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
        }
        _directory?.Dispose();
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();
}
