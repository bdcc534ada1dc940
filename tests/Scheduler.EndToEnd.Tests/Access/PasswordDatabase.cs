using Npgsql;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// A fresh database owned by a login role of its own (which may create roles) with a password that PostgreSQL really checks. The test cluster
/// trusts every connection (initdb --auth=trust), so this puts a scram-sha-256 line for the role alone at the top of
/// pg_hba.conf (the first matching line decides) and reloads; the other tests' connections are unchanged.
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
            await using var show = new NpgsqlCommand("SHOW hba_file", connection);
            var hbaFile = (string)(await show.ExecuteScalarAsync())!;
            var rules = await File.ReadAllTextAsync(hbaFile);
            await File.WriteAllTextAsync(hbaFile, $"host all \"{name}\" 127.0.0.1/32 scram-sha-256\n{rules}");
            await ExecuteAsync(connection, "SELECT pg_reload_conf()");
        }

        var server = new NpgsqlConnectionStringBuilder(superuser);
        var withPassword = new NpgsqlConnectionStringBuilder
        {
            Host = server.Host, Port = server.Port, Database = name, Username = name, Password = password,
        }.ConnectionString;
        var wrongPassword = new NpgsqlConnectionStringBuilder(withPassword) { Password = "not-" + password, Pooling = false }.ConnectionString;
        await Eventually.GetAsync(async () => await RefusesAsync(wrongPassword) ? "refused" : null,
            TimeSpan.FromSeconds(20), $"PostgreSQL to check the password of role {name}");
        await using (var signedIn = new NpgsqlConnection(withPassword))
        {
            await signedIn.OpenAsync();
        }

        return withPassword;
    }

    private static async Task<bool> RefusesAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return true;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
