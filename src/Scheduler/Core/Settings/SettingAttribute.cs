namespace Tuner.Core.Settings;

/// <summary>
/// Documents a property of an options class as a setting: what it means, and how its default reads where the
/// property's initial value does not say it (a default computed from another setting). The configuration key is the
/// property's <see cref="Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute"/>; the environment variable
/// is that key with <c>TUNER_</c> in front (see <see cref="SettingCatalog"/>). README's tables are checked against these.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string meaning) : Attribute
{
    /// <summary>What the setting does, as README's table says it.</summary>
    public string Meaning { get; } = meaning;

    /// <summary>The default as README writes it, when it is not the property's initial value (e.g. <c>$TUNER_HOME/checkpoints</c>).</summary>
    public string? Default { get; init; }

    /// <summary>What a value must be, for a value that cannot even be read as the property's type ("must be a positive whole number").</summary>
    public string Rule { get; init; } = "must be a whole number";
}
