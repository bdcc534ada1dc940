using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tuner.Persistence;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Data;

/// <summary>The check that lets a starting role skip EF Core's migrator when nothing is pending.</summary>
[Collection("postgres")]
public sealed class MigrationCheckTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task KnownMigrations_AreTheOnesEfCoreFinds()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrations_known");
        await using var db = new TunerDbContext(TunerDatabase.Options(connectionString));

        Assert.Equal(db.Database.GetMigrations().Order(StringComparer.Ordinal), TunerDatabase.KnownMigrations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IsCurrent_IsFalseOnAnEmptyDatabase_AndOnOneMissingTheLastMigration_AndTrueOnceMigrated()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrations_current");
        await using var db = new TunerDbContext(TunerDatabase.Options(connectionString));
        var all = db.Database.GetMigrations().ToList();

        var empty = await TunerDatabase.IsCurrentAsync(connectionString, CancellationToken.None);
        await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        var oneBehind = await TunerDatabase.IsCurrentAsync(connectionString, CancellationToken.None);
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);
        var migrated = await TunerDatabase.IsCurrentAsync(connectionString, CancellationToken.None);
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);

        Assert.False(empty);
        Assert.False(oneBehind);
        Assert.True(migrated);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
