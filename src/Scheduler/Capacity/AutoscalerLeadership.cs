using Npgsql;
using Tuner.Scheduler.Hosting;

namespace Tuner.Scheduler.Capacity;

/// <summary>
/// Only one scheduler process autoscales at a time: the one holding a PostgreSQL session advisory lock. The lock goes
/// with its connection, so a crashed leader's lock is released by the server and another scheduler takes over.
/// </summary>
public sealed class AutoscalerLeadership(DatabaseAddress database, ILogger<AutoscalerLeadership> logger) : IAsyncDisposable
{
    private const long LockId = 0x7475_6e65_7261_7363; // "tunerasc"
    private NpgsqlConnection? connection;

    /// <summary>True while this process is the autoscaler; takes the lock when it is free.</summary>
    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(ct);
                return true;
            }
            catch (NpgsqlException)
            {
                await DisposeAsync();
            }
        }

        var candidate = new NpgsqlConnection(database.ConnectionString);
        await candidate.OpenAsync(ct);
        await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockId})", candidate);
        if (await take.ExecuteScalarAsync(ct) is true)
        {
            connection = candidate;
            logger.LogInformation("This scheduler is the autoscaler");
            return true;
        }

        await candidate.DisposeAsync();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
    }
}
