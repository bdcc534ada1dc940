using System.Globalization;
using System.Text.Json;

namespace Tuner.Workloads;

/// <summary>Reads hyperparameter values that may arrive boxed as any numeric type, as strings, or as
/// <see cref="JsonElement"/>s, and collects what is wrong with them.</summary>
public sealed class WorkloadParameterReader(IReadOnlyDictionary<string, object> values, IReadOnlyList<WorkloadParameter> known)
{
    private readonly List<string> _problems = UnknownNames(values, known);

    public IReadOnlyList<string> Problems => _problems;

    public double Number(string name, Func<double, bool> rule, string ruleText)
    {
        var value = ValueOf(name);
        if (AsDouble(value) is not { } number)
            return Fail<double>(name, value, "a number", Convert.ToDouble(DefaultOf(name), CultureInfo.InvariantCulture));
        if (!double.IsFinite(number) || !rule(number)) _problems.Add($"{name} must be {ruleText}, but got {name}={Show(value)}");
        return number;
    }

    public int Integer(string name, int min, int max)
    {
        var value = ValueOf(name);
        if (AsDouble(value) is not { } number || number != Math.Floor(number))
            return Fail(name, value, "an integer", (int)DefaultOf(name));
        if (number < min || number > max)
        {
            _problems.Add($"{name} must be between {min} and {max}, but got {name}={Show(value)}");
            return (int)DefaultOf(name);
        }
        return (int)number;
    }

    public string Choice(string name, IReadOnlyList<string> choices)
    {
        var value = ValueOf(name);
        var text = value switch { string s => s, JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), _ => null };
        if (text is null) return Fail(name, value, "a string", (string)DefaultOf(name));
        if (!choices.Contains(text)) _problems.Add($"{name} must be one of {string.Join(", ", choices)}, but got {name}={Show(value)}");
        return text;
    }

    private object ValueOf(string name) => values.TryGetValue(name, out var value) && value is not null ? value : DefaultOf(name);

    private object DefaultOf(string name) => known.Single(p => p.Name == name).Default;

    private T Fail<T>(string name, object value, string type, T fallback)
    {
        _problems.Add($"{name} must be {type}, but got {name}={Show(value)} ({TypeName(value)})");
        return fallback;
    }

    private static double? AsDouble(object value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };

    private static string Show(object value) => value switch
    {
        string s => $"'{s}'",
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(object value) => value is JsonElement e ? $"JSON {e.ValueKind}" : value.GetType().Name;

    private static List<string> UnknownNames(IReadOnlyDictionary<string, object> values, IReadOnlyList<WorkloadParameter> known) =>
        values.Keys.Where(name => known.All(p => p.Name != name)).Order(StringComparer.Ordinal)
            .Select(name => $"unknown parameter '{name}'; known parameters are {string.Join(", ", known.Select(p => p.Name))}")
            .ToList();
}
