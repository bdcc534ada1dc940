using Npgsql;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// A fresh database owned by a login role of its own (which may create roles) with a password that PostgreSQL really
/// checks (<see cref="PasswordCheck"/>).
/// </summary>
public static class PasswordDatabase
{
    /// <summary>Creates the role and its database; returns a connection string that signs in with the password.</summary>
    public static async Task<string> CreateAsync(PostgresServerFixture postgres, string name, string password)
    {
        var superuser = postgres.Cluster.ConnectionString;
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            // Identifiers cannot be parameters; the name is the test's own lower-case word, and the password has no quote.
            // CREATEROLE lets the server make the workers' narrower role, as a deployment's owner role may.
            await ExecuteAsync(connection, $"CREATE ROLE \"{name}\" LOGIN CREATEROLE PASSWORD '{password}'");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" OWNER \"{name}\"");
        }

        var server = new NpgsqlConnectionStringBuilder(superuser);
        var withPassword = new NpgsqlConnectionStringBuilder
        {
            Host = server.Host, Port = server.Port, Database = name, Username = name, Password = password,
        }.ConnectionString;
        await PasswordCheck.RequireAsync(superuser, name, withPassword);
        await using (var signedIn = new NpgsqlConnection(withPassword))
        {
            await signedIn.OpenAsync();
        }

        return withPassword;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
