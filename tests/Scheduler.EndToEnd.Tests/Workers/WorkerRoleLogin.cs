using Npgsql;
using Tuner.Persistence.Access;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Workers;

/// <summary>
/// The worker role `tuner server` made for its database, read as the owner reads it, with its password checked for
/// real: the test cluster trusts every connection (initdb --auth=trust, which checks privileges but no password), so
/// this puts a scram-sha-256 line for the role alone at the top of pg_hba.conf and reloads.
/// </summary>
internal static class WorkerRoleLogin
{
    public static async Task<(string Role, string ConnectionString)> ReadAsync(string ownerConnectionString, string superuserConnectionString)
    {
        string role, password;
        await using (var owner = new NpgsqlConnection(ownerConnectionString))
        {
            await owner.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT role_name, password FROM tuner_owner.worker_role_passwords", owner);
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the server made no worker role");
            (role, password) = (reader.GetString(0), reader.GetString(1));
        }

        var worker = WorkerDatabaseRole.ConnectionStringFor(new NpgsqlConnectionStringBuilder(ownerConnectionString), role, password);
        await CheckPasswordAsync(superuserConnectionString, role);
        var wrong = new NpgsqlConnectionStringBuilder(worker) { Password = "not-" + password, Pooling = false }.ConnectionString;
        await Eventually.GetAsync(async () => await RefusesAsync(wrong) ? "refused" : null,
            TimeSpan.FromSeconds(20), $"PostgreSQL to check the password of role {role}");
        return (role, worker);
    }

    private static async Task CheckPasswordAsync(string superuser, string role)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW hba_file", connection);
        var hbaFile = (string)(await show.ExecuteScalarAsync())!;
        var rules = await File.ReadAllTextAsync(hbaFile);
        await File.WriteAllTextAsync(hbaFile, $"host all \"{role}\" 127.0.0.1/32 scram-sha-256\n{rules}");
        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync();
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
}
