using System.Security.Cryptography;
using System.Text;

namespace Tuner.Persistence.Access;

/// <summary>
/// The SCRAM-SHA-256 verifier PostgreSQL keeps for a password (RFC 5802 and 7677, in PostgreSQL's text form
/// <c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c>). <c>CREATE ROLE ... PASSWORD</c> given a verifier stores it
/// as it is, so the password itself never travels in a statement that the server's statement log could record; libpq's
/// <c>PQencryptPasswordConn</c> (behind psql's <c>\password</c>) does the same, and Npgsql has no counterpart, hence
/// this class.
/// </summary>
public static class ScramSha256Verifier
{
    public const string Prefix = "SCRAM-SHA-256$";

    /// <summary>PostgreSQL's own default (<c>scram_iterations</c>).</summary>
    public const int DefaultIterations = 4096;

    private const int SaltLength = 16;

    /// <summary>A verifier with a fresh random salt.</summary>
    /// <param name="password">ASCII only: SASLprep leaves such a password as it is, and this class does not implement it.</param>
    public static string For(string password) =>
        For(password, RandomNumberGenerator.GetBytes(SaltLength), DefaultIterations);

    public static string For(string password, byte[] salt, int iterations)
    {
        if (!Ascii.IsValid(password)) throw new ArgumentException("only an ASCII password can be hashed here", nameof(password));
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, SHA256.HashSizeInBytes);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"{Prefix}{iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
