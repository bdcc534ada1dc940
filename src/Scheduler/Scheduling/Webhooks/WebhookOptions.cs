using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Webhooks;

/// <summary>Where Tuner sends its alerts (budget thresholds), and the secret it signs them with.</summary>
[SettingsSection(Section)]
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "WEBHOOK";
    public const int ShortestSecret = 16;

    [ConfigurationKeyName("URLS")]
    [Setting("http(s) addresses, comma-separated, that receive every alert as a signed JSON POST (docs/costs.md)")]
    public string? Urls { get; set; }

    [ConfigurationKeyName("SECRET")]
    [Setting("the shared secret of the `X-Tuner-Signature-256` header (HMAC-SHA256 of the body), at least 16 characters; required with `TUNER_WEBHOOK__URLS`")]
    public string? Secret { get; set; }

    [ConfigurationKeyName("ATTEMPTS")]
    [Setting("attempts per message before its delivery is marked failed (retried after 5 s, doubling up to 10 min)")]
    public int Attempts { get; set; } = 8;

    public IReadOnlyList<Uri> UrlList => [.. Split().Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var variable = SettingCatalog.Variable<WebhookOptions>(nameof(Urls));
        foreach (var url in Split())
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new($"{variable} must be http(s) addresses separated by commas, but '{url}' is not one");
        }

        if (Split().Any() && (Secret is null || Secret.Length < ShortestSecret))
            yield return new($"{SettingCatalog.Variable<WebhookOptions>(nameof(Secret))} must be set, at least {ShortestSecret} characters, when {variable} is: receivers check the signature made with it");
        if (Attempts is < 1 or > 100)
            yield return new($"{SettingCatalog.Variable<WebhookOptions>(nameof(Attempts))} must be a whole number from 1 to 100, but got '{Attempts}'");
    }

    private IEnumerable<string> Split() =>
        (Urls ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
