using Npgsql;
using Tuner.Persistence.Access;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Database;

/// <summary>The worker role's password on a real PostgreSQL that logs every statement: made by the server, sent only
/// as a SCRAM-SHA-256 verifier that PostgreSQL checks sign-ins against, and absent from the log when made and rotated.</summary>
[Collection("postgres")]
public sealed class WorkerRolePasswordTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Password_IsNotInTheStatementLog_WhenTheRoleIsMadeOrItsPasswordRotated()
    {
        var owner = await postgres.CreateDatabaseAsync("worker_role_log");
        var database = new NpgsqlConnectionStringBuilder(owner).Database!;
        await WorkerRoleDatabase.ExecuteAsync(owner, $"ALTER DATABASE \"{database}\" SET log_statement = 'all'");
        await WorkerRoleDatabase.PrepareAsync(owner);

        var made = await WorkerDatabaseRole.EnsureAsync(owner, CancellationToken.None);
        await WorkerRoleDatabase.ExecuteAsync(owner, "DELETE FROM tuner_owner.worker_role_passwords"); // the documented rotation
        var rotated = await WorkerDatabaseRole.EnsureAsync(owner, CancellationToken.None);

        var role = WorkerRoleName.For(database);
        var log = await File.ReadAllTextAsync(postgres.Cluster.LogFile);
        var passwords = new[] { made, rotated }.Select(s => new NpgsqlConnectionStringBuilder(s).Password!).ToList();
        Assert.NotEqual(passwords[0], passwords[1]);
        Assert.All(passwords, password => Assert.DoesNotContain(password, log, StringComparison.Ordinal));
        // The log did record what carried the password before: the INSERT that stores it and both role statements.
        Assert.Contains("INSERT INTO tuner_owner.worker_role_passwords", log, StringComparison.Ordinal);
        Assert.Contains($"CREATE ROLE \"{role}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{ScramSha256Verifier.Prefix}", log, StringComparison.Ordinal);
        Assert.Contains($"ALTER ROLE \"{role}\" PASSWORD '{ScramSha256Verifier.Prefix}", log, StringComparison.Ordinal);
        await PasswordCheck.RequireAsync(postgres.Cluster.ConnectionString, role, rotated);
        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(rotated, "SELECT count(*) FROM tuner.trials"));
    }

    [Fact]
    public async Task Verifier_IsTheOnePostgreSqlMakes_ForTheSameSaltAndIterations()
    {
        const string role = "scram_verifier_check";
        const string password = "correct horse battery staple 42";
        var superuser = postgres.Cluster.ConnectionString;
        await WorkerRoleDatabase.ExecuteAsync(superuser, $"DROP ROLE IF EXISTS {role}");
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; CREATE ROLE {role} PASSWORD '{password}'", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand($"SELECT rolpassword FROM pg_authid WHERE rolname = '{role}'", connection);
        var postgresVerifier = (string)(await read.ExecuteScalarAsync())!;
        await WorkerRoleDatabase.ExecuteAsync(superuser, $"DROP ROLE {role}");

        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        var parameters = postgresVerifier[ScramSha256Verifier.Prefix.Length..].Split('$')[0].Split(':');
        var ours = ScramSha256Verifier.For(password, Convert.FromBase64String(parameters[1]), int.Parse(parameters[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(postgresVerifier, ours);
    }
}
