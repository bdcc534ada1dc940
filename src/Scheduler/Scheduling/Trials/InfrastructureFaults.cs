using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Tells faults of the machinery around a trial (the database, the checkpoint store, the network) from faults of the
/// trial itself, by walking the exception chain, since EF wraps what Npgsql throws: Npgsql's transient errors
/// (<see cref="NpgsqlException.IsTransient"/>: network, timeouts, too many connections), a connection the server
/// dropped or shut down (SQL states 08xxx, 57P01-57P03), EF's <see cref="InvalidOperationException"/> around a
/// transient error, a failed <see cref="DbUpdateException"/>, and I/O (the checkpoint store). A PostgreSQL error that
/// would happen again (a constraint, a syntax error) is not a blip: retrying it forever would hide a bug.
/// </summary>
public static class InfrastructureFaults
{
    /// <summary>SQL states of a connection the server dropped: class 08 (connection exception), and shutdowns.</summary>
    private static readonly HashSet<string> ConnectionLostStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.AdminShutdown,
        PostgresErrorCodes.CrashShutdown,
        PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.IdleSessionTimeout,
    };

    /// <summary>True when <paramref name="exception"/> or anything it wraps is an infrastructure fault.</summary>
    public static bool IsInfrastructure(Exception exception) => Chain(exception).Any(IsInfrastructureItself);

    /// <summary>The first infrastructure fault in the chain, for messages ("database unavailable: ...").</summary>
    public static Exception? Find(Exception exception) => Chain(exception).FirstOrDefault(IsInfrastructureItself);

    private static bool IsInfrastructureItself(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || IsConnectionLost(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient,
        DbUpdateException => true,
        IOException => true,
        SocketException => true,
        TimeoutException => true,
        _ => false,
    };

    private static bool IsConnectionLost(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || ConnectionLostStates.Contains(sqlState);

    /// <summary>The exception and everything it wraps, depth first, every inner exception of an aggregate included.</summary>
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current)) continue;
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
