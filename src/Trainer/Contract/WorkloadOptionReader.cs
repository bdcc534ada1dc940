using System.Globalization;

namespace Tuner.Workloads;

/// <summary>Reads a workload's options (<see cref="TrialSpec.Options"/>) by name and type, and collects what is wrong
/// with them: unknown names, required ones missing, values of the wrong type. A workload's
/// <see cref="IWorkload.ValidateOptions"/> returns <see cref="Problems"/>; its session reads the same way.</summary>
public sealed class WorkloadOptionReader(IReadOnlyDictionary<string, object> values, IReadOnlyList<WorkloadOption> known)
{
    private readonly List<string> _problems = values.Keys.Where(name => known.All(o => o.Name != name)).Order(StringComparer.Ordinal)
        .Select(name => $"unknown option '{name}'; known options are {string.Join(", ", known.Select(o => o.Name))}").ToList();

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>A text option, or <paramref name="fallback"/> when it is absent.</summary>
    public string? Text(string name, string? fallback = null) => Read(name, fallback, "text", value => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    });

    /// <summary>An integer option, or <paramref name="fallback"/> when it is absent.</summary>
    public long? Integer(string name, long? fallback = null, long min = long.MinValue) => Check(name, Read(name, fallback, "an integer", value => value switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        _ => (long?)null,
    }), v => v >= min, $"at least {min}");

    /// <summary>A number option, or <paramref name="fallback"/> when it is absent.</summary>
    public double? Number(string name, double? fallback = null, double min = double.MinValue, double max = double.MaxValue) =>
        Check(name, Read(name, fallback, "a number", value => value switch
        {
            double d => d,
            long l => l,
            int i => i,
            _ => (double?)null,
        }), v => v >= min && v <= max, max == double.MaxValue ? $"at least {min}" : $"between {min} and {max}");

    /// <summary>A yes/no option, or <paramref name="fallback"/> when it is absent.</summary>
    public bool? Flag(string name, bool? fallback = null) => Read(name, fallback, "true or false", value => value as bool?);

    /// <summary>A list of text values (a single text value is a list of one), or an empty list when it is absent.</summary>
    public IReadOnlyList<string> TextList(string name) => Read<IReadOnlyList<string>>(name, [], "a list of text values", value => value switch
    {
        string s => [s],
        IEnumerable<object> items when items.All(i => i is string) => items.Cast<string>().ToList(),
        _ => null,
    }) ?? [];

    private T? Read<T>(string name, T? fallback, string type, Func<object, T?> convert)
    {
        var option = known.SingleOrDefault(o => o.Name == name)
            ?? throw new ArgumentException($"'{name}' is not one of the declared options", nameof(name));
        if (!values.TryGetValue(name, out var value) || value is null)
        {
            if (option.Required) _problems.Add($"option '{name}' is required: {option.Description}");
            return fallback;
        }

        var converted = convert(value);
        if (converted is null) _problems.Add($"option '{name}' must be {type}, but got {Show(value)}");
        return converted ?? fallback;
    }

    private T? Check<T>(string name, T? value, Func<T, bool> rule, string ruleText) where T : struct
    {
        if (value is { } v && !rule(v)) _problems.Add($"option '{name}' must be {ruleText}, but got {Show(v)}");
        return value;
    }

    private static string Show(object value) => value switch
    {
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<object> items => $"[{string.Join(", ", items.Select(Show))}]",
        _ => value.ToString() ?? "",
    };
}
