using System.Data.Common;
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

    private static void History(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema);

    private static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
