using System.Security.Cryptography;
using System.Text;

namespace Tuner.Scheduling.Webhooks;

/// <summary>
/// The <c>X-Tuner-Signature-256</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body's UTF-8 bytes
/// under the shared secret, as GitHub signs its webhooks, so receivers can use the same check: compute it over the raw
/// body and compare in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Tuner-Signature-256";

    public static string Of(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static bool Matches(string body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(body, secret)), Encoding.ASCII.GetBytes(header));
}
