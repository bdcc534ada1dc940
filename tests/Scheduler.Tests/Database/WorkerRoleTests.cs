using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tuner.Persistence;
using Tuner.Persistence.Access;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduling.Settings;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Database;

/// <summary>The worker role on a real PostgreSQL: exactly the documented grants, nothing on API keys or its own
/// password, no DDL, no roles; the same password on every start; a worker with it does not migrate.</summary>
[Collection("postgres")]
public sealed class WorkerRoleTests(PostgresServerFixture postgres)
{
    private static readonly string[] Dml = ["DELETE", "INSERT", "SELECT", "UPDATE"];

    [Fact]
    public async Task Role_HasDmlOnWorkerTablesAndHangfire_SelectOnHistory_AndNoOtherGrant()
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_grants");
        var hangfireTables = await WorkerRoleDatabase.RowsAsync(database.Owner, "SELECT tablename FROM pg_tables WHERE schemaname = 'hangfire'");

        var grants = await WorkerRoleDatabase.RowsAsync(database.Owner,
            $"SELECT table_schema || '.' || table_name || ':' || privilege_type FROM information_schema.role_table_grants WHERE grantee = '{database.Role}'");
        var attributes = await WorkerRoleDatabase.RowsAsync(database.Owner,
            $"SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = '{database.Role}'");
        var schemas = await WorkerRoleDatabase.RowsAsync(database.Owner,
            $"SELECT nspname FROM pg_namespace WHERE has_schema_privilege('{database.Role}', oid, 'USAGE') AND nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'");

        var expected = WorkerTables.ReadWrite.Select(t => "tuner." + t)
            .Concat(hangfireTables.Select(t => "hangfire." + t))
            .SelectMany(t => Dml.Select(p => $"{t}:{p}"))
            .Append("tuner.__EFMigrationsHistory:SELECT");
        Assert.Equal(expected.Order(StringComparer.Ordinal), grants.Order(StringComparer.Ordinal));
        Assert.Contains("lock", hangfireTables);
        Assert.Equal("True|False|False|False|False|False", Assert.Single(attributes));
        Assert.Equal(["hangfire", "public", "tuner"], schemas.Order(StringComparer.Ordinal));
        Assert.StartsWith("tuner_worker_worker_role_grants_", database.Role, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTableOfTheSchema_IsInExactlyOneListOfWorkerTables()
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_tables");

        var tables = await WorkerRoleDatabase.RowsAsync(database.Owner, "SELECT tablename FROM pg_tables WHERE schemaname = 'tuner'");
        var listed = WorkerTables.ReadWrite.Concat(WorkerTables.ReadOnly).Concat(WorkerTables.OwnerOnly).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.Equal(listed.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("SELECT * FROM tuner.api_keys")]
    [InlineData("DELETE FROM tuner.api_keys")]
    [InlineData("SELECT * FROM tuner_owner.worker_role_passwords")]
    [InlineData("CREATE TABLE tuner.intruder (id int)")]
    [InlineData("CREATE TABLE hangfire.intruder (id int)")]
    [InlineData("CREATE TABLE public.intruder (id int)")]
    [InlineData("CREATE SCHEMA intruder")]
    [InlineData("DROP TABLE tuner.trials")]
    [InlineData("ALTER TABLE tuner.trials ADD COLUMN intruder int")]
    [InlineData("TRUNCATE tuner.trials")]
    [InlineData("DROP TABLE hangfire.lock")]
    [InlineData("UPDATE tuner.\"__EFMigrationsHistory\" SET product_version = 'x'")]
    [InlineData("CREATE ROLE intruder LOGIN")]
    [InlineData("ALTER ROLE CURRENT_USER CREATEROLE")]
    public async Task Role_IsRefused(string sql)
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_refused");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await WorkerRoleDatabase.FailureOfAsync(database.Worker, sql));
    }

    [Fact]
    public async Task Role_WritesTrialsAndHangfireLocks()
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_writes");

        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(database.Worker, "UPDATE tuner.trials SET attempts = attempts WHERE false"));
        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(database.Worker,
            "INSERT INTO hangfire.lock (resource, acquired) VALUES ('worker-role-test', now()); DELETE FROM hangfire.lock WHERE resource = 'worker-role-test'"));
        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(database.Worker, "INSERT INTO hangfire.counter (key, value) VALUES ('worker-role-test', 1)"));
    }

    [Fact]
    public async Task SecondStart_KeepsThePassword_AndGrantsTablesCreatedSince()
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_twice");
        await WorkerRoleDatabase.ExecuteAsync(database.Owner, $"REVOKE ALL ON tuner.trials FROM \"{database.Role}\"");

        var again = await WorkerDatabaseRole.EnsureAsync(database.Owner, CancellationToken.None);
        var stored = await WorkerRoleDatabase.RowsAsync(database.Owner, "SELECT role_name, password FROM tuner_owner.worker_role_passwords");

        Assert.Equal(database.Worker, again);
        Assert.Equal($"{database.Role}|{new NpgsqlConnectionStringBuilder(again).Password}", Assert.Single(stored));
        Assert.Equal(64, new NpgsqlConnectionStringBuilder(again).Password!.Length);
        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(again, "SELECT count(*) FROM tuner.trials"));
    }

    [Fact]
    public async Task ConnectionString_KeepsTheOwnersAddressAndSsl_ButNotItsWaysOfSigningIn()
    {
        var owner = new NpgsqlConnectionStringBuilder("Host=db.internal;Port=6543;Database=tuner;Username=owner;Password=owner-secret;SSL Mode=VerifyFull;Root Certificate=/etc/ca.pem;SSL Certificate=/etc/owner.crt;SSL Key=/etc/owner.key");

        var worker = new NpgsqlConnectionStringBuilder(WorkerDatabaseRole.ConnectionStringFor(owner, "tuner_worker_tuner", "abc123"));

        Assert.Equal(("db.internal", 6543, "tuner", "tuner_worker_tuner", "abc123"), (worker.Host, worker.Port, worker.Database, worker.Username, worker.Password));
        Assert.Equal((SslMode.VerifyFull, "/etc/ca.pem"), (worker.SslMode, worker.RootCertificate));
        Assert.Null(worker.SslCertificate);
        Assert.Null(worker.SslKey);
        Assert.DoesNotContain("owner", worker.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_IsThePrefixAndTheDatabase_OrADigestOfAnUnusualOrLongName()
    {
        var unusual = WorkerRoleName.For("Tuner-Prod");
        var longName = WorkerRoleName.For(new string('a', 60));

        Assert.Equal("tuner_worker_tuner", WorkerRoleName.For("tuner"));
        Assert.Matches("^tuner_worker_[0-9a-f]{24}$", unusual);
        Assert.Matches("^tuner_worker_[0-9a-f]{24}$", longName);
        Assert.NotEqual(WorkerRoleName.For("Tuner-Prod2"), unusual);
    }

    [Fact]
    public async Task Worker_RefusesToStart_WhenTheSchemaIsBehind_AndMigratesNothing()
    {
        var database = await WorkerRoleDatabase.CreateAsync(postgres, "worker_role_behind");
        var last = TunerDatabase.KnownMigrations.Order(StringComparer.Ordinal).Last();
        Assert.Null(await WorkerRoleDatabase.FailureOfAsync(database.Owner, $"DELETE FROM tuner.\"__EFMigrationsHistory\" WHERE migration_id = '{last}'"));
        var settings = new TunerSettings { Home = Path.GetTempPath(), DatabaseUrl = database.Worker, CheckpointRoot = "/unused", DataDirectory = "/unused" };

        var failure = await Assert.ThrowsAsync<CliFailure>(() => DatabaseBootstrap.StartWorkerAsync(settings, NullLogger.Instance, CancellationToken.None));

        Assert.Equal(ExitCodes.DatabaseUnavailable, failure.ExitCode);
        Assert.Equal("the database schema is behind this worker's version: start `tuner server` of this version first", failure.Message);
        Assert.False(await SchemaOwnership.CanMigrateAsync(database.Worker, CancellationToken.None));
        Assert.True(await SchemaOwnership.CanMigrateAsync(database.Owner, CancellationToken.None));
    }
}
