using Npgsql;

namespace Tuner.Persistence.Access;

/// <summary>
/// The PostgreSQL role the workers the server launches sign in as: LOGIN, no superuser, no CREATEDB or CREATEROLE, no
/// DDL; USAGE on schemas tuner and hangfire, DML on <see cref="WorkerTables.ReadWrite"/> and Hangfire's tables, USAGE
/// on their sequences, nothing on <see cref="WorkerTables.OwnerOnly"/> or on schema tuner_owner, where its password is
/// kept. Made and kept by the schema owner at every server start, after migrations: the grants are revoked and given
/// again in one transaction, so they follow the tables of this version; the password is made once and kept, so
/// workers already running stay valid.
/// </summary>
public static class WorkerDatabaseRole
{
    public const string HangfireSchema = "hangfire";
    private const string PasswordTable = "tuner_owner.worker_role_passwords";

    /// <summary>An arbitrary, fixed key ("tunerwrk" in ASCII): servers starting together make the role once.</summary>
    private const long RoleLockId = 0x74756E6572_77726B;

    /// <summary>Makes or refreshes the role with <paramref name="ownerConnectionString"/> (the schema owner's); returns
    /// the connection string workers use: the owner's host, port, database and SSL settings, the role's user and password.</summary>
    /// <exception cref="WorkerRoleUnavailableException">The owner may not create roles and the role does not exist yet.</exception>
    public static async Task<string> EnsureAsync(string ownerConnectionString, CancellationToken ct)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var sql = new Sql(connection, transaction);
        await sql.ExecuteAsync($"SELECT pg_advisory_xact_lock({RoleLockId})", ct);
        var database = (string)(await sql.ScalarAsync("SELECT current_database()", ct))!;
        var role = WorkerRoleName.For(database);
        var password = await EnsureRoleAsync(sql, role, ct);
        await GrantAsync(sql, role, ct);
        await transaction.CommitAsync(ct);
        return ConnectionStringFor(owner, role, password);
    }

    /// <summary>The owner's address with the role's credentials; the owner's own ways of signing in (a password file,
    /// a client certificate) are left out.</summary>
    public static string ConnectionStringFor(NpgsqlConnectionStringBuilder owner, string role, string password) =>
        new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Username = role,
            Password = password,
            Passfile = null,
            SslCertificate = null,
            SslKey = null,
            SslPassword = null,
        }.ConnectionString;

    private static async Task<string> EnsureRoleAsync(Sql sql, string role, CancellationToken ct)
    {
        var stored = (string?)await sql.ScalarAsync($"SELECT password FROM {PasswordTable} WHERE role_name = @p0", ct, role);
        var exists = await sql.ScalarAsync("SELECT 1 FROM pg_roles WHERE rolname = @p0", ct, role) is not null;
        if (stored is not null && exists)
        {
            await RemoveElevationAsync(sql, role, ct);
            return stored;
        }

        if (await sql.ScalarAsync("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", ct) is not true)
        {
            throw new WorkerRoleUnavailableException(
                $"the database user may not create roles, so workers cannot get a role of their own ({role}): grant it CREATEROLE, or set TUNER_WORKER_DATABASE_URL");
        }

        // PostgreSQL's statement log (log_statement) records CREATE and ALTER ROLE as they are written and an INSERT's
        // parameters, so the password is never in either: the server makes it as it stores it, and the role gets only
        // its verifier.
        var password = stored ?? await StoreNewPasswordAsync(sql, role, ct);
        var verifier = ScramSha256Verifier.For(password);
        const string attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
        await sql.ExecuteAsync(exists
            ? $"ALTER ROLE {Quote(role)} PASSWORD '{verifier}'"
            : $"CREATE ROLE {Quote(role)} {attributes} PASSWORD '{verifier}'", ct);
        await RemoveElevationAsync(sql, role, ct);
        return password;
    }

    /// <summary>64 hex characters (none needs quoting in SQL, a connection string or a shell script): the SHA-256 of two
    /// random UUIDs, which PostgreSQL draws from its strong random source, 244 random bits (pgcrypto's gen_random_bytes
    /// would need an extension the database may not have).</summary>
    private static async Task<string> StoreNewPasswordAsync(Sql sql, string role, CancellationToken ct) =>
        (string)(await sql.ScalarAsync($"""
            INSERT INTO {PasswordTable} (role_name, password)
            VALUES (@p0, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'))
            RETURNING password
            """, ct, role))!;

    /// <summary>Takes back any attribute someone gave the role since (ALTER ROLE with such an attribute needs privileges
    /// the owner may lack, so only what is set is taken back: an owner that cannot fails the start, loudly).</summary>
    private static async Task RemoveElevationAsync(Sql sql, string role, CancellationToken ct)
    {
        await using var command = sql.Command(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = @p0", role);
        var changes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            string[] revoked = ["NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS"];
            for (var i = 0; i < revoked.Length; i++)
            {
                if (reader.GetBoolean(i)) changes.Add(revoked[i]);
            }

            if (!reader.GetBoolean(5)) changes.Add("LOGIN");
        }

        if (changes.Count > 0) await sql.ExecuteAsync($"ALTER ROLE {Quote(role)} {string.Join(' ', changes)}", ct);
    }

    private static async Task GrantAsync(Sql sql, string role, CancellationToken ct)
    {
        var to = Quote(role);
        var hangfire = await sql.ScalarAsync($"SELECT to_regnamespace('{HangfireSchema}') IS NOT NULL", ct) is true;
        string[] schemas = hangfire ? [TunerDatabase.Schema, HangfireSchema] : [TunerDatabase.Schema];
        var inSchemas = string.Join(", ", schemas);
        await sql.ExecuteAsync($"REVOKE ALL ON ALL TABLES IN SCHEMA {inSchemas} FROM {to}", ct);
        await sql.ExecuteAsync($"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {inSchemas} FROM {to}", ct);
        await sql.ExecuteAsync($"REVOKE ALL ON ALL TABLES IN SCHEMA tuner_owner FROM {to}", ct);
        await sql.ExecuteAsync($"REVOKE ALL ON SCHEMA tuner_owner FROM {to}", ct);
        await sql.ExecuteAsync($"GRANT USAGE ON SCHEMA {inSchemas} TO {to}", ct);
        var tables = await sql.StringsAsync(
            "SELECT tablename FROM pg_tables WHERE schemaname = @p0", ct, TunerDatabase.Schema);
        foreach (var table in tables.Intersect(WorkerTables.ReadWrite))
        {
            await sql.ExecuteAsync($"GRANT SELECT, INSERT, UPDATE, DELETE ON {TunerDatabase.Schema}.{Quote(table)} TO {to}", ct);
        }

        foreach (var table in tables.Intersect(WorkerTables.ReadOnly))
        {
            await sql.ExecuteAsync($"GRANT SELECT ON {TunerDatabase.Schema}.{Quote(table)} TO {to}", ct);
        }

        // Identity columns need no sequence privilege; serial ones (none today) would: the sequences of granted tables only.
        var sequences = await sql.StringsAsync("""
            SELECT s.relname FROM pg_class s
            JOIN pg_namespace n ON n.oid = s.relnamespace
            JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class t ON t.oid = d.refobjid
            WHERE s.relkind = 'S' AND n.nspname = @p0 AND t.relname = ANY(@p1)
            """, ct, TunerDatabase.Schema, WorkerTables.ReadWrite.ToArray());
        foreach (var sequence in sequences)
        {
            await sql.ExecuteAsync($"GRANT USAGE, SELECT ON SEQUENCE {TunerDatabase.Schema}.{Quote(sequence)} TO {to}", ct);
        }

        if (hangfire)
        {
            // Hangfire keeps jobs, queues, servers, counters and its distributed locks in rows (no DDL at run time once
            // its schema is prepared, which the owner does), with serial ids.
            await sql.ExecuteAsync($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {HangfireSchema} TO {to}", ct);
            await sql.ExecuteAsync($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {HangfireSchema} TO {to}", ct);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Commands on one connection and transaction, with positional parameters @p0, @p1, ….</summary>
    private sealed class Sql(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlCommand Command(string text, params object[] parameters)
        {
            var command = new NpgsqlCommand(text, connection, transaction);
            for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue($"p{i}", parameters[i]);
            return command;
        }

        public async Task ExecuteAsync(string text, CancellationToken ct, params object[] parameters)
        {
            await using var command = Command(text, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<object?> ScalarAsync(string text, CancellationToken ct, params object[] parameters)
        {
            await using var command = Command(text, parameters);
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? null : value;
        }

        public async Task<List<string>> StringsAsync(string text, CancellationToken ct, params object[] parameters)
        {
            await using var command = Command(text, parameters);
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
            return values;
        }
    }
}
