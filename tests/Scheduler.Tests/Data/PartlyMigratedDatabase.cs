using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tuner.Persistence;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Data;

/// <summary>A new database migrated only up to one migration, for a test to store rows as they were then and run the
/// migrations that follow (<see cref="MigrateRestAsync"/>).</summary>
internal sealed class PartlyMigratedDatabase : IAsyncDisposable
{
    private readonly IMigrator migrator;

    private PartlyMigratedDatabase(TunerDbContext db)
    {
        Db = db;
        migrator = db.GetService<IMigrator>();
    }

    public TunerDbContext Db { get; }

    public static async Task<PartlyMigratedDatabase> UpToAsync(PostgresServerFixture postgres, string prefix, string migration)
    {
        var database = new PartlyMigratedDatabase(new TunerDbContext(TunerDatabase.Options(await postgres.CreateDatabaseAsync(prefix))));
        await database.migrator.MigrateAsync(migration);
        return database;
    }

    public Task MigrateRestAsync() => migrator.MigrateAsync();

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
