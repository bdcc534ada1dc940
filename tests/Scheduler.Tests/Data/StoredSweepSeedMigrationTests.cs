using Microsoft.EntityFrameworkCore;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Data;

/// <summary>Sweeps stored before seeds were get one: the seed their definition names, or their id.</summary>
[Collection("postgres")]
public sealed class StoredSweepSeedMigrationTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Migration_GivesEarlierSweepsTheirDefinitionsSeed_OrTheirId()
    {
        await using var database = await PartlyMigratedDatabase.UpToAsync(postgres, "migrate_seed", "20261122223640_SpotCapacity");
        var db = database.Db;
        foreach (var definition in new[]
        {
            "name: a\nsampler: { kind: tpe, seed: 42 }\nbudget: { max_trials: 3 }\n",
            "{ \"name\": \"b\", \"sampler\": { \"kind\": \"random\", \"seed\": 7 } }",
            "name: c\nsampler: { kind: auto }\n",
        })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO tuner.sweeps (name, state, definition_text, objective, maximize, max_trials, parallelism, created_at)
                VALUES ('s', 'Completed', {definition}, 'val_loss', false, 3, 1, now())
                """);
        }

        await database.MigrateRestAsync();

        var seeds = await db.Sweeps.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Seed }).ToListAsync();
        Assert.Equal([42, 7, (int)seeds[2].Id], seeds.Select(s => s.Seed));
    }
}
