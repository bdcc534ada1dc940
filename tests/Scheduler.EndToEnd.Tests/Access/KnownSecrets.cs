using System.Security.Cryptography;
using System.Text;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// The secrets a sweep run is given, each distinctive enough that finding it anywhere is a leak, and the forms it could
/// be shown in: as written, URL-encoded, and base64 (at each of the three alignments it can have inside a longer
/// base64 text, so a secret encoded with text around it is found too).
/// </summary>
public sealed class KnownSecrets
{
    private readonly List<(string Name, string Value)> secrets = [];

    public string DatabasePassword { get; } = $"pw-{Random(12)}-db";

    public string AwsAccessKeyId { get; } = $"AKIA{Random(8).ToUpperInvariant()}";

    public string AwsSecretAccessKey { get; } = $"aws-secret-{Random(16)}";

    public string WebhookSecret { get; } = $"whsec-{Random(16)}";

    public KnownSecrets()
    {
        secrets.Add(("the database password", DatabasePassword));
        secrets.Add(("AWS_ACCESS_KEY_ID", AwsAccessKeyId));
        secrets.Add(("AWS_SECRET_ACCESS_KEY", AwsSecretAccessKey));
        secrets.Add(("the webhook secret", WebhookSecret));
    }

    /// <summary>Every secret, as given.</summary>
    public IReadOnlyList<string> Values => secrets.Select(s => s.Value).ToList();

    /// <summary>Adds the API key once `tuner keys create` made it: its secret part, after the id that is safe to show
    /// ("tuner_" and 12 characters, then "_").</summary>
    public void AddApiKey(string key) => secrets.Add(("the API key", key[19..]));

    /// <summary>Each secret found in <paramref name="text"/>, by name and form, with where it was.</summary>
    public IEnumerable<string> FindIn(string where, string text)
    {
        foreach (var (name, value) in secrets)
        {
            foreach (var (form, shown) in Forms(value))
            {
                var at = text.IndexOf(shown, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    var start = Math.Max(0, at - 60);
                    var context = text[start..Math.Min(text.Length, at + shown.Length + 20)].Replace(shown, "<SECRET>", StringComparison.OrdinalIgnoreCase);
                    yield return $"{name} ({form}) in {where}: …{context.ReplaceLineEndings(" ")}…";
                }
            }
        }
    }

    private static IEnumerable<(string Form, string Shown)> Forms(string value)
    {
        yield return ("as is", value);
        var encoded = Uri.EscapeDataString(value);
        if (encoded != value) yield return ("URL-encoded", encoded);
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var offset = 0; offset < 3; offset++)
        {
            // Base64 turns 3 bytes into 4 characters: only the groups made of the secret's bytes alone are the same
            // whatever surrounds it.
            var padded = new byte[offset + bytes.Length];
            bytes.CopyTo(padded, offset);
            var base64 = Convert.ToBase64String(padded);
            var first = offset == 0 ? 0 : 1;
            var whole = padded.Length / 3;
            var stable = base64[(first * 4)..(whole * 4)];
            yield return ($"base64 at offset {offset}", stable);
            yield return ($"base64url at offset {offset}", stable.Replace('+', '-').Replace('/', '_'));
        }
    }

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
