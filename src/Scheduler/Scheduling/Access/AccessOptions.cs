using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Access;

/// <summary>Who may use `tuner server`'s API, pages and Hangfire dashboard (resolved by <see cref="AccessSettings"/>).</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Auto = "auto";
    public const string Keys = "keys";
    public const string Open = "open";

    [ConfigurationKeyName("AUTH")]
    [Setting("who may use the API, the pages and the Hangfire dashboard: `auto` (open while every `TUNER_URLS` address is loopback, API keys otherwise), `keys` (an API key or a session signed in with one, always) or `open` (no check, even on a network address: only behind a proxy that authenticates; docs/access.md)",
        Default = Auto, Rule = Rule)]
    public string Mode { get; set; } = Auto;

    private const string Rule = "must be auto, keys or open";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode is not (Auto or Keys or Open))
            yield return new($"{SettingCatalog.Variable<AccessOptions>(nameof(Mode))} {Rule}, but got '{Mode}'");
    }
}
