using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Tuner.Core.Settings;

/// <summary>
/// Binds options classes from one configuration (TUNER_ variables over an optional config file) and collects every
/// problem: a value that cannot be read as its type (named with its <see cref="SettingAttribute.Rule"/>), and what the
/// class's validation says (<see cref="RangeAttribute"/> and the like, <see cref="IValidatableObject"/>).
/// <see cref="ThrowIfAny"/> then throws one <see cref="SettingsException"/> that lists them all, so an operator fixes
/// every setting in one go. A blank value counts as unset: the property keeps its default. (DataAnnotations checks an
/// <see cref="IValidatableObject"/> only when its attributes pass, so an options class uses one or the other.)
/// </summary>
/// <param name="origin">Where a configuration path's value came from when that is not the environment (e.g.
/// "LEASE_SECONDS in /srv/tuner.json"); a problem with such a value says so. Null: everything is from the environment.</param>
public sealed class SettingsReader(IConfiguration configuration, Func<string, string?>? origin = null)
{
    private readonly List<string> problems = [];
    private readonly List<Setting> read = [];

    public IConfiguration Configuration => configuration;

    /// <summary>Every problem found so far, each naming its variable (and its file key, when a file set it).</summary>
    public IReadOnlyList<string> Problems => problems.Select(WithOrigin).ToList();

    /// <summary>Binds <typeparamref name="T"/> and validates it; what is wrong is kept for <see cref="ThrowIfAny"/>.</summary>
    public T Read<T>() where T : class, new()
    {
        var target = new T();
        foreach (var setting in SettingCatalog.Of<T>())
        {
            read.Add(setting);
            var text = configuration[setting.Path];
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (TryConvert(text.Trim(), setting.Property.PropertyType, out var value))
                setting.Property.SetValue(target, value);
            else
                problems.Add($"{setting.Variable} {setting.Rule}, but got '{text}'");
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => r.ErrorMessage ?? $"{string.Join(", ", r.MemberNames)} is invalid"));
        return target;
    }

    /// <summary>Whether any setting of <typeparamref name="T"/> has a value (a cloud provider is on when any of its settings is given).</summary>
    public bool AnySet<T>() where T : class, new() =>
        SettingCatalog.Of<T>().Any(s => !string.IsNullOrWhiteSpace(configuration[s.Path]));

    /// <summary>Problems found by a check that spans settings (the checkpoint store, a cloud provider's options).</summary>
    public void Add(IEnumerable<string> more) => problems.AddRange(more);

    /// <exception cref="SettingsException">Some setting is wrong; the exception lists every problem.</exception>
    public void ThrowIfAny()
    {
        if (problems.Count > 0) throw new SettingsException(Problems);
    }

    private string WithOrigin(string problem)
    {
        if (origin is null) return problem;
        var setting = read.FirstOrDefault(s => problem.StartsWith(s.Variable + " ", StringComparison.Ordinal)
                                               || problem.StartsWith(s.Variable + ":", StringComparison.Ordinal));
        return setting is not null && origin(setting.Path) is { } from ? $"{problem} (set by {from})" : problem;
    }

    private static bool TryConvert(string text, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(int))
        {
            var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
            value = number;
            return ok;
        }

        if (target == typeof(decimal))
        {
            var ok = decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
            value = number;
            return ok;
        }

        throw new NotSupportedException($"settings of type {type.Name} are not supported; use string, int or decimal");
    }
}
