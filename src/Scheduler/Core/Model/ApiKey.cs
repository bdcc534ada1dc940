using Tuner.Core.Access;

namespace Tuner.Core.Model;

/// <summary>
/// A key a person or a program uses the API and the pages with (<see cref="ApiKeyText"/>): its name, role and the
/// SHA-256 of the key, never the key itself. A revoked key stays, so its name and history are not reused silently.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    /// <summary>Unique among keys that are not revoked: 1-100 letters, digits, '.', '_' or '-'.</summary>
    public required string Name { get; set; }

    /// <summary>The id part of the key (<see cref="ApiKeyText.Id"/>), unique: what a request's key is looked up by.</summary>
    public required string KeyId { get; set; }

    public required byte[] KeyHash { get; set; }
    public AccessRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
