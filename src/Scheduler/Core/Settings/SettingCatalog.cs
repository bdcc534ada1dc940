using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Tuner.Core.Settings;

/// <summary>
/// The settings an options class declares: every public property with a <see cref="ConfigurationKeyNameAttribute"/>
/// and a <see cref="SettingAttribute"/>. Its environment variable is <c>TUNER_</c> + the key, under the class's
/// <see cref="SettingsSectionAttribute"/> joined by <c>__</c>.
/// </summary>
public static class SettingCatalog
{
    public const string VariablePrefix = "TUNER_";

    public static IReadOnlyList<Setting> Of<T>() where T : new() => Of(typeof(T));

    public static IReadOnlyList<Setting> Of(Type type)
    {
        var section = type.GetCustomAttribute<SettingsSectionAttribute>()?.Name;
        var defaults = Activator.CreateInstance(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not null)
            .Select(p =>
            {
                var key = p.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name;
                var setting = p.GetCustomAttribute<SettingAttribute>()
                    ?? throw new InvalidOperationException($"{type.Name}.{p.Name} must carry [Setting] to say what it means");
                var path = section is null ? key : $"{section}:{key}";
                var variable = VariablePrefix + (section is null ? key : $"{section}__{key}");
                return new Setting(p, path, variable, setting.Default ?? Text(p.GetValue(defaults)), setting.Meaning, setting.Rule);
            })
            .ToList();
    }

    /// <summary>The environment variable that sets <paramref name="property"/> of <typeparamref name="T"/>, for messages.</summary>
    public static string Variable<T>(string property) where T : new() =>
        Of<T>().SingleOrDefault(s => s.Property.Name == property)?.Variable
        ?? throw new ArgumentException($"{typeof(T).Name}.{property} is not a setting", nameof(property));

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
