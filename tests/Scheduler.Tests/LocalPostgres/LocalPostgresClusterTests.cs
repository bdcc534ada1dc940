using Npgsql;
using Tuner.LocalPostgres;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.LocalPostgres;

[Collection("postgres")]
public sealed class LocalPostgresClusterTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task ConnectionString_ConnectsAndReportsServerVersion()
    {
        await using var connection = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.StartsWith("PostgreSQL ", version);
        Assert.Equal("tuner", connection.Database);
    }

    [Fact]
    public async Task Server_AllowsAtLeast200Connections_AndSkipsFsync_ForTests()
    {
        await using var connection = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        await connection.OpenAsync();

        Assert.True(int.Parse(await ShowAsync(connection, "max_connections")) >= 200);
        Assert.Equal("off", await ShowAsync(connection, "fsync"));
        Assert.Equal("127.0.0.1", await ShowAsync(connection, "listen_addresses"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_ReturnsSameDatabase_WhenCalledTwice()
    {
        var first = await fixture.Cluster.CreateDatabaseAsync("twice_created", CancellationToken.None);
        await ExecuteAsync(first, "CREATE TABLE marker (id int)");

        var second = await fixture.Cluster.CreateDatabaseAsync("twice_created", CancellationToken.None);

        Assert.Equal(first, second);
        await ExecuteAsync(second, "INSERT INTO marker VALUES (1)");
    }

    [Fact]
    public async Task CreateDatabaseAsync_RejectsNameOutsideIdentifierRule()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Cluster.CreateDatabaseAsync("Bad-Name\"; DROP", CancellationToken.None));

        Assert.Contains("Bad-Name", error.Message);
    }

    [Fact]
    public async Task FixtureCreateDatabaseAsync_GivesDistinctDatabases_ForSamePrefix()
    {
        var first = new NpgsqlConnectionStringBuilder(await fixture.CreateDatabaseAsync("Same Prefix"));
        var second = new NpgsqlConnectionStringBuilder(await fixture.CreateDatabaseAsync("Same Prefix"));

        Assert.NotEqual(first.Database, second.Database);
        Assert.StartsWith("same_prefix_", first.Database);
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
