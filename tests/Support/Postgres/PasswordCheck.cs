using Npgsql;

namespace Tuner.TestSupport.Postgres;

/// <summary>
/// Makes the test cluster really check one role's password. The cluster trusts every connection (initdb --auth=trust,
/// which checks privileges but no password), so this puts a scram-sha-256 line for the role alone at the top of
/// pg_hba.conf (the first matching line decides), reloads, and waits until a wrong password is refused; the other
/// tests' connections are unchanged.
/// </summary>
public static class PasswordCheck
{
    /// <param name="superuser">A superuser's connection string to the cluster.</param>
    /// <param name="role">The role whose password is to be checked.</param>
    /// <param name="signIn">A connection string that signs in as the role with its password.</param>
    public static async Task RequireAsync(string superuser, string role, string signIn)
    {
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            await using var show = new NpgsqlCommand("SHOW hba_file", connection);
            var hbaFile = (string)(await show.ExecuteScalarAsync())!;
            var rules = await File.ReadAllTextAsync(hbaFile);
            await File.WriteAllTextAsync(hbaFile, $"host all \"{role}\" 127.0.0.1/32 scram-sha-256\n{rules}");
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync();
        }

        var password = new NpgsqlConnectionStringBuilder(signIn).Password;
        var wrong = new NpgsqlConnectionStringBuilder(signIn) { Password = "not-" + password, Pooling = false }.ConnectionString;
        await Eventually.GetAsync(async () => await RefusesAsync(wrong) ? "refused" : null,
            TimeSpan.FromSeconds(20), $"PostgreSQL to check the password of role {role}");
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
