using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Tuner.Core.Access;
using Tuner.Persistence;
using Tuner.Scheduling.Access;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Access;

/// <summary>API keys in a real database: only the hash is stored, a key checks only as itself, revoking ends it, names
/// are unique among active keys, and the last use is written at most once a minute.</summary>
[Collection("postgres")]
public sealed class ApiKeysTests(PostgresServerFixture postgres)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    private async Task<(ApiKeys Keys, IDbContextFactory<TunerDbContext> Contexts)> KeysAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("api_keys");
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);
        var contexts = new PooledDbContextFactory<TunerDbContext>(TunerDatabase.Options(connectionString));
        return (new ApiKeys(contexts, clock), contexts);
    }

    [Fact]
    public async Task Create_StoresOnlyTheHash_AndTheKeyChecksAsItsHolder()
    {
        var (keys, contexts) = await KeysAsync();

        var (info, text) = await keys.CreateAsync("alice", AccessRole.Submit, CancellationToken.None);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var row = await db.ApiKeys.SingleAsync();
            Assert.Equal(ApiKeyText.Hash(text), row.KeyHash);
            Assert.Equal(ApiKeyText.IdOf(text), row.KeyId);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT row_to_json(k)::text AS \"Value\" FROM tuner.api_keys k").SingleAsync();
            Assert.DoesNotContain(text[(ApiKeyText.Prefix.Length + 13)..], stored, StringComparison.Ordinal);
        }

        var holder = await keys.CheckAsync(text, CancellationToken.None);
        Assert.Equal(new KeyHolder(holder!.KeyRowId, "alice", AccessRole.Submit), holder);
        Assert.Equal(("alice", AccessRole.Submit), (info.Name, info.Role));
    }

    [Fact]
    public async Task Check_RefusesAnotherSecretUnderTheSameId_AndAnythingThatIsNotAKey()
    {
        var (keys, _) = await KeysAsync();
        var (_, text) = await keys.CreateAsync("ci", AccessRole.Read, CancellationToken.None);
        var forged = text[..(ApiKeyText.Prefix.Length + 13)] + ApiKeyText.New().Text[(ApiKeyText.Prefix.Length + 13)..];

        Assert.Null(await keys.CheckAsync(forged, CancellationToken.None));
        Assert.Null(await keys.CheckAsync(ApiKeyText.New().Text, CancellationToken.None));
        Assert.Null(await keys.CheckAsync("hunter2", CancellationToken.None));
        Assert.Null(await keys.CheckAsync(null, CancellationToken.None));
        Assert.NotNull(await keys.CheckAsync(text, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_EndsTheKeyAndItsSessions_AndFreesTheName()
    {
        var (keys, _) = await KeysAsync();
        var (_, text) = await keys.CreateAsync("bob", AccessRole.Admin, CancellationToken.None);
        var holder = (await keys.CheckAsync(text, CancellationToken.None))!;

        Assert.True(await keys.RevokeAsync("bob", CancellationToken.None));

        Assert.Null(await keys.CheckAsync(text, CancellationToken.None));
        Assert.Null(await keys.StillValidAsync(holder.KeyRowId, CancellationToken.None));
        Assert.False(await keys.RevokeAsync("bob", CancellationToken.None));
        Assert.Equal(0, await keys.ActiveCountAsync(CancellationToken.None));
        var (_, again) = await keys.CreateAsync("bob", AccessRole.Read, CancellationToken.None);
        Assert.Equal(AccessRole.Read, (await keys.CheckAsync(again, CancellationToken.None))!.Role);
        var listed = await keys.ListAsync(CancellationToken.None);
        Assert.Equal([(AccessRole.Read, false), (AccessRole.Admin, true)], listed.Select(k => (k.Role, k.RevokedAt is not null)));
    }

    [Fact]
    public async Task Create_RefusesAnActiveKeysName_AndAnInvalidName()
    {
        var (keys, _) = await KeysAsync();
        await keys.CreateAsync("alice", AccessRole.Read, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ApiKeyException>(() => keys.CreateAsync("alice", AccessRole.Admin, CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<ApiKeyException>(() => keys.CreateAsync("alice smith", AccessRole.Admin, CancellationToken.None));

        Assert.Equal("a key named 'alice' exists already: revoke it first, or choose another name", taken.Message);
        Assert.Equal("a key's name must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit, but got 'alice smith'", invalid.Message);
        Assert.Equal(1, await keys.ActiveCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LastUse_IsWritten_AtMostOnceAMinute()
    {
        var (keys, _) = await KeysAsync();
        var (_, text) = await keys.CreateAsync("dashboard", AccessRole.Read, CancellationToken.None);
        var first = clock.GetUtcNow();

        await keys.CheckAsync(text, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await keys.CheckAsync(text, CancellationToken.None);
        Assert.Equal(first, (await keys.ListAsync(CancellationToken.None)).Single().LastUsedAt);

        clock.Advance(TimeSpan.FromSeconds(31));
        await keys.CheckAsync(text, CancellationToken.None);
        Assert.Equal(first.AddSeconds(61), (await keys.ListAsync(CancellationToken.None)).Single().LastUsedAt);
    }
}
