using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tuner.Scheduler.Data;

/// <summary>The one place that says how Tuner talks to PostgreSQL, shared by every role and the migrations tool.</summary>
public static class TunerDatabase
{
    public const string Schema = "tuner";

    /// <summary>
    /// Npgsql with Tuner's migrations history table. A query that limits rows (Skip/Take) without OrderBy throws
    /// instead of warning: which rows it returns would be up to PostgreSQL's plan of the day.
    /// </summary>
    public static DbContextOptionsBuilder UseTunerPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema))
            .ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    public static DbContextOptions<TunerDbContext> Options(string connectionString) =>
        (DbContextOptions<TunerDbContext>)new DbContextOptionsBuilder<TunerDbContext>().UseTunerPostgres(connectionString).Options;
}
