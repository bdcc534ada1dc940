using Microsoft.Extensions.Logging;
using Npgsql;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Only one scheduler process autoscales (and runs the local spot market) at a time: the one holding a PostgreSQL
/// session advisory lock. The lock goes with its connection, so a crashed leader's lock is released by the server and
/// another scheduler takes over.
/// </summary>
public sealed class AutoscalerLeadership(DatabaseAddress database, TimeProvider clock, ILogger<AutoscalerLeadership> logger) : IAsyncDisposable
{
    private const long LockId = 0x7475_6e65_7261_7363; // "tunerasc"
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private NpgsqlConnection? connection;
    private DateTimeOffset checkedAt;

    /// <summary>True while this process is the leader; takes the lock when it is free.</summary>
    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (connection is not null && clock.GetUtcNow() - checkedAt < CheckEvery) return true;
            if (connection is not null && await StillHeldAsync(ct)) return true;
            return await TryTakeAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> StillHeldAsync(CancellationToken ct)
    {
        try
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(ct);
            checkedAt = clock.GetUtcNow();
            return true;
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning("Lost the autoscaler lock's connection ({Message})", ex.Message);
            await CloseAsync();
            return false;
        }
    }

    private async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        var candidate = new NpgsqlConnection(database.ConnectionString);
        await candidate.OpenAsync(ct);
        await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockId})", candidate);
        if (await take.ExecuteScalarAsync(ct) is true)
        {
            connection = candidate;
            checkedAt = clock.GetUtcNow();
            logger.LogInformation("This scheduler is the autoscaler");
            return true;
        }

        await candidate.DisposeAsync();
        return false;
    }

    private async Task CloseAsync()
    {
        var closing = connection;
        connection = null;
        if (closing is null) return;
        try
        {
            await closing.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // the server is gone; so is the lock
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        gate.Dispose();
    }
}
