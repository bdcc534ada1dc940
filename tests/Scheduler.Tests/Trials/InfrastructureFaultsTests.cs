using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Xunit.Abstractions;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Trials;

/// <summary>
/// The exceptions EF and Npgsql really throw when a real PostgreSQL goes away, classified by
/// <see cref="InfrastructureFaults"/>: each is an infrastructure fault however it is wrapped, and an error that would
/// happen again (a constraint) is not.
/// </summary>
public sealed class InfrastructureFaultsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EfQuery_ThrowsAWrappedInfrastructureFault_WhenPostgresIsDown()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var harness = await SchedulerHarness.StartAsync(await postgres.CreateDatabaseAsync("faults_down"));
        await postgres.StopAsync();

        await using var db = await harness.DbAsync();
        var fault = await Assert.ThrowsAnyAsync<Exception>(() => db.Sweeps.CountAsync());

        output.WriteLine(Describe(fault));
        // EF wraps Npgsql's transient errors in InvalidOperationException: a type check on the outer exception misses it.
        Assert.IsType<InvalidOperationException>(fault);
        Assert.True(InfrastructureFaults.IsInfrastructure(fault), Describe(fault));
    }

    [Fact]
    public async Task Connection_ClosedByAdminShutdownMidStatement_IsAnInfrastructureFault()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("faults_shutdown");
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(60)", connection);
        var running = sleep.ExecuteScalarAsync();
        await Eventually.GetAsync(async () => await ActiveSleepsAsync(connectionString) > 0 ? "sleeping" : null,
            TimeSpan.FromSeconds(30), "pg_sleep to start");
        await postgres.StopAsync();

        var fault = await Assert.ThrowsAnyAsync<Exception>(() => running);

        output.WriteLine(Describe(fault));
        Assert.True(InfrastructureFaults.IsInfrastructure(fault), Describe(fault));
    }

    [Fact]
    public async Task ConstraintViolation_IsNotAnInfrastructureFault()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var connection = new NpgsqlConnection(await postgres.CreateDatabaseAsync("faults_constraint"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE TEMP TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);", connection);

        var fault = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, fault.SqlState);
        Assert.False(InfrastructureFaults.IsInfrastructure(fault));
        Assert.False(InfrastructureFaults.IsInfrastructure(new InvalidOperationException("a bug", new ArgumentException("x"))));
    }

    private static async Task<long> ActiveSleepsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Describe(Exception fault) =>
        string.Join(" <- ", Chain(fault).Select(e => e is PostgresException p ? $"{e.GetType().Name} {p.SqlState}" : e.GetType().Name));

    private static IEnumerable<Exception> Chain(Exception? fault)
    {
        for (; fault is not null; fault = fault.InnerException) yield return fault;
    }
}
