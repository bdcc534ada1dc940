using Npgsql;
using Tuner.Jobs;
using Tuner.Persistence;
using Tuner.Persistence.Access;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Database;

/// <summary>A fresh database prepared as `tuner server` prepares it at start: migrated, Hangfire's tables, the worker role.</summary>
internal sealed record WorkerRoleDatabase(string Owner, string Worker, string Role)
{
    public static async Task<WorkerRoleDatabase> CreateAsync(PostgresServerFixture postgres, string prefix)
    {
        var owner = await postgres.CreateDatabaseAsync(prefix);
        await PrepareAsync(owner);
        var worker = await WorkerDatabaseRole.EnsureAsync(owner, CancellationToken.None);
        return new WorkerRoleDatabase(owner, worker, new NpgsqlConnectionStringBuilder(worker).Username!);
    }

    /// <summary>What `tuner server` does before it makes the worker role: migrates and prepares Hangfire's tables.</summary>
    public static async Task PrepareAsync(string owner)
    {
        await TunerDatabase.MigrateAsync(owner, CancellationToken.None);
        HangfireSetup.PrepareSchema(owner);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>Runs <paramref name="sql"/>; returns the SQLSTATE it failed with, or null when it succeeded.</summary>
    public static async Task<string?> FailureOfAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }
}
