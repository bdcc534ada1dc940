using Microsoft.EntityFrameworkCore;

namespace Tuner.Scheduler.Data;

/// <summary>The one place that says how Tuner talks to PostgreSQL, shared by every role and the migrations tool.</summary>
public static class TunerDatabase
{
    public const string Schema = "tuner";

    public static DbContextOptionsBuilder UseTunerPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema));

    public static DbContextOptions<TunerDbContext> Options(string connectionString) =>
        (DbContextOptions<TunerDbContext>)new DbContextOptionsBuilder<TunerDbContext>().UseTunerPostgres(connectionString).Options;
}
