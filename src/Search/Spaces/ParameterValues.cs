using System.Globalization;

namespace Tuner.Search.Spaces;

/// <summary>
/// How parameter values (string, double, long, bool) are normalized, compared and described.
/// Numbers compare numerically across types, so 64L equals 64.0.
/// </summary>
internal static class ParameterValues
{
    public static bool TryGetDouble(object? value, out double result)
    {
        switch (value)
        {
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            case long or int or short or sbyte or byte or ushort or uint or ulong:
                result = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default: result = 0; return false;
        }
    }

    public static bool TryGetLong(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int or short or sbyte or byte or ushort or uint:
                result = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return true;
            case ulong u when u <= long.MaxValue: result = (long)u; return true;
        }

        result = 0;
        if (!TryGetDouble(value, out var d) || d != Math.Floor(d) || d < -9.2233720368547758E18 || d >= 9.2233720368547758E18)
        {
            return false;
        }

        result = (long)d;
        return true;
    }

    /// <summary>Integers become long, other numbers double; strings and bools stay as they are.</summary>
    public static object Normalize(object value) => value switch
    {
        long or double or string or bool => value,
        float or decimal => TryGetDouble(value, out var d) ? d : value,
        _ when TryGetLong(value, out var l) => l,
        _ => value,
    };

    public static IReadOnlyList<object> NormalizeAll(IReadOnlyList<object>? values) =>
        values is null ? [] : values.Select(v => v is null ? v! : Normalize(v)).ToArray();

    public static bool AreEqual(object? a, object? b)
    {
        if (a is bool || b is bool || a is string || b is string || a is null || b is null)
        {
            return Equals(a, b);
        }

        if (TryGetDouble(a, out var da) && TryGetDouble(b, out var db))
        {
            return IsIntegerType(a) && IsIntegerType(b) ? TryGetLong(a, out var la) && TryGetLong(b, out var lb) && la == lb : da == db;
        }

        return Equals(a, b);
    }

    public static int HashOf(object? value)
    {
        if (value is not bool && TryGetDouble(value, out var d))
        {
            return (d == 0 ? 0.0 : d).GetHashCode();
        }

        return value switch
        {
            null => 0,
            string s => StringComparer.Ordinal.GetHashCode(s),
            _ => value.GetHashCode(),
        };
    }

    public static bool SequenceEqual(IReadOnlyList<object> a, IReadOnlyList<object> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second));

    public static int SequenceHash(IReadOnlyList<object> values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(HashOf(value));
        }

        return hash.ToHashCode();
    }

    /// <summary>Describes a value for an error message: strings quoted, numbers in invariant culture.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    public static string DescribeAll(IEnumerable<object?> values) => "[" + string.Join(", ", values.Select(Describe)) + "]";

    private static bool IsIntegerType(object value) => value is long or int or short or sbyte or byte or ushort or uint or ulong;
}
