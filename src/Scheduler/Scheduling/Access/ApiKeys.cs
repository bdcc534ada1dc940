using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tuner.Core.Access;
using Tuner.Core.Definitions;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Access;

/// <summary>A key as `tuner keys list` shows it: never the key, never its hash.</summary>
public sealed record ApiKeyInfo(string Name, AccessRole Role, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Who a request's key belongs to: what the server authenticates it as.</summary>
public sealed record KeyHolder(long KeyRowId, string Name, AccessRole Role);

/// <summary>Creating, listing, revoking and checking API keys in the database (<c>tuner.api_keys</c>).</summary>
public sealed class ApiKeys(IDbContextFactory<TunerDbContext> contexts, TimeProvider clock)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may be: a key in use writes at most once a minute, not once a request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Makes a key; the text returned is the only copy of it (only its hash is stored).</summary>
    /// <exception cref="ApiKeyException">The name is not a valid name, or a key that is not revoked has it.</exception>
    public async Task<(ApiKeyInfo Key, string Text)> CreateAsync(string name, AccessRole role, CancellationToken ct)
    {
        if (!ResourceName.IsValid(name))
            throw new ApiKeyException($"a key's name must be {ResourceName.Rule}, but got '{name}'");
        var text = ApiKeyText.New();
        var row = new ApiKey { Name = name, KeyId = text.Id, KeyHash = ApiKeyText.Hash(text.Text), Role = role, CreatedAt = clock.GetUtcNow() };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ApiKeyException($"a key named '{name}' exists already: revoke it first, or choose another name");
        }

        return (Info(row), text.Text);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(ct);
        return [.. rows.Select(Info)];
    }

    /// <summary>Revokes the key with this name that is not revoked yet; false when there is none. Sessions signed in
    /// with it end at their next request.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct) > 0;
    }

    /// <summary>True when any key is not revoked.</summary>
    public async Task<int> ActiveCountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.CountAsync(k => k.RevokedAt == null, ct);
    }

    /// <summary>Whose key <paramref name="text"/> is, when it is a key that is not revoked; null otherwise.</summary>
    public async Task<KeyHolder?> CheckAsync(string? text, CancellationToken ct)
    {
        if (ApiKeyText.IdOf(text) is not { } id)
            return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == id && k.RevokedAt == null, ct);
        if (row is null || !ApiKeyText.Matches(text!, row.KeyHash))
            return null;
        await NoteUseAsync(db, row, ct);
        return new KeyHolder(row.Id, row.Name, row.Role);
    }

    /// <summary>The holder of a signed-in session, as long as its key is not revoked (its role as stored now).</summary>
    public async Task<KeyHolder?> StillValidAsync(long keyRowId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyRowId && k.RevokedAt == null, ct);
        if (row is null)
            return null;
        await NoteUseAsync(db, row, ct);
        return new KeyHolder(row.Id, row.Name, row.Role);
    }

    private async Task NoteUseAsync(TunerDbContext db, ApiKey row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (row.LastUsedAt is { } last && now - last < LastUsedResolution)
            return;
        await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }

    private static ApiKeyInfo Info(ApiKey k) => new(k.Name, k.Role, k.KeyId, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>A key cannot be made as asked; the message says why in one line.</summary>
public sealed class ApiKeyException(string message) : Exception(message);
