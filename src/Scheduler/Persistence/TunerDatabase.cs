using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Tuner.Persistence;

/// <summary>The one place that says how Tuner talks to PostgreSQL, shared by every role and the migrations tool.</summary>
public static class TunerDatabase
{
    public const string Schema = "tuner";

    /// <summary>An arbitrary, fixed key for the migration lock ("tuner" in ASCII).</summary>
    private const long MigrationLockId = 0x74756E6572;

    /// <summary>
    /// Npgsql with Tuner's migrations history table and snake_case names for every table, column, key and index, so
    /// the schema reads naturally in psql. A query that limits rows (Skip/Take) without OrderBy throws instead of
    /// warning: which rows it returns would be up to PostgreSQL's plan of the day.
    /// </summary>
    public static DbContextOptionsBuilder UseTunerPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, History).Configure();

    /// <inheritdoc cref="UseTunerPostgres(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder UseTunerPostgres(this DbContextOptionsBuilder options, DbConnection connection) =>
        options.UseNpgsql(connection, History).Configure();

    public static DbContextOptions<TunerDbContext> Options(string connectionString) =>
        (DbContextOptions<TunerDbContext>)new DbContextOptionsBuilder<TunerDbContext>().UseTunerPostgres(connectionString).Options;

    /// <summary>
    /// Applies pending migrations under a PostgreSQL advisory lock, so a server and its workers starting at the same
    /// moment migrate once, one after another.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (await IsCurrentAsync(connection, ct))
        {
            // Every worker checks at start, and workers start often on spot capacity: EF Core's migrator (its model,
            // differ and history services) costs about half a second of CPU there, and nothing is pending.
            return;
        }

        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockId})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var options = (DbContextOptions<TunerDbContext>)new DbContextOptionsBuilder<TunerDbContext>().UseTunerPostgres(connection).Options;
            await using var db = new TunerDbContext(options);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockId})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The connection string Tuner's services use: the given one, with
    /// <list type="bullet">
    /// <item>pooled connections handed back without <c>DISCARD ALL</c>. Tuner keeps no session state on its connections
    /// (the migration lock above is released on the same connection, and Hangfire's locks are rows), and the reset was a
    /// round trip each time a connection was taken from the pool: about 26 per trial (docs/benchmarks.md);</item>
    /// <item>PostgreSQL's JIT off (<c>-c jit=off</c>, added to any options already given). Tuner's queries are short,
    /// but over a large sweep the planner's estimates pass <c>jit_above_cost</c>, and compiling a plan took 0.1 to 2 s,
    /// longer than running it: at 50,000 trials the export ran in 0.3 s after 2.2 s of JIT (docs/benchmarks.md,
    /// "Pages at 50,000 trials").</item>
    /// </list>
    /// </summary>
    public static string ForServices(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? JitOff : $"{builder.Options} {JitOff}";
        return builder.ConnectionString;
    }

    private const string JitOff = "-c jit=off";

    /// <summary>Whether the history table lists every migration this build has (<see cref="KnownMigrations"/>), read
    /// without EF Core's migrator; false when the table does not exist yet.</summary>
    public static async Task<bool> IsCurrentAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return await IsCurrentAsync(connection, ct);
    }

    /// <summary>The ids of this build's migrations of <see cref="TunerDbContext"/>, found as EF Core finds them.</summary>
    public static IReadOnlyList<string> KnownMigrations => MigrationIds.Value;

    private static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var known = MigrationIds.Value;
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{Schema}.\"{HistoryTable}\"') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(ct) is not true) return false;
        await using var read = new NpgsqlCommand($"SELECT migration_id FROM {Schema}.\"{HistoryTable}\"", connection);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }

        return known.All(applied.Contains);
    }

    private const string HistoryTable = "__EFMigrationsHistory";

    private static readonly Lazy<IReadOnlyList<string>> MigrationIds = new(() => typeof(TunerDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TunerDbContext))
        .Select(t => t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToList());

    private static void History(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsHistoryTable(HistoryTable, Schema);

    private static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
