using System.Security.Cryptography;
using System.Text;

namespace Tuner.Core.Access;

/// <summary>
/// An API key as users hold it: <c>tuner_&lt;id&gt;_&lt;secret&gt;</c>. The id (12 lowercase base-32 characters) finds
/// the key's row; the secret is 32 random bytes (base64url). Only the SHA-256 of the whole key is stored. A fast hash is
/// right here, unlike for passwords: the key is 256 random bits, so there is nothing to guess from a leaked hash, and
/// every request checks one.
/// </summary>
public sealed record ApiKeyText(string Id, string Text)
{
    public const string Prefix = "tuner_";
    private const int IdLength = 12;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static ApiKeyText New()
    {
        var id = string.Create(IdLength, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        });
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new ApiKeyText(id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The key's id when <paramref name="text"/> has the shape of a key; null otherwise (nothing to look up).</summary>
    public static string? IdOf(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length < Prefix.Length + IdLength + 2)
            return null;
        var id = text.Substring(Prefix.Length, IdLength);
        return text[Prefix.Length + IdLength] == '_' && id.All(IdAlphabet.Contains) ? id : null;
    }

    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    public static bool Matches(string text, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(text), storedHash);

    public override string ToString() => $"{Prefix}{Id}_…";
}
