using Npgsql;

namespace Tuner.LocalPostgres;

/// <summary>Waits until the server accepts a connection, retrying until a deadline or until the server is gone.</summary>
internal static class ServerReadiness
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public static async Task WaitAsync(
        string connectionString, TimeSpan limit, Func<bool> isRunning, Func<Task<string>> describeFailure, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        Exception? lastError = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(deadline.Token);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                lastError = e;
            }
            if (!isRunning())
            {
                throw new LocalPostgresException(
                    $"PostgreSQL on 127.0.0.1:{builder.Port} stopped before accepting connections " +
                    $"({lastError.Message}); {await describeFailure()}", lastError);
            }
            try
            {
                await Task.Delay(RetryDelay, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        ct.ThrowIfCancellationRequested();
        throw new LocalPostgresException(
            $"PostgreSQL on 127.0.0.1:{builder.Port} did not accept connections within {limit.TotalSeconds:0} s " +
            $"({lastError?.Message}); {await describeFailure()}", lastError);
    }
}
