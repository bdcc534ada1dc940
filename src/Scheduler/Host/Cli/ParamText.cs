using System.Globalization;
using System.Text.Json;

namespace Tuner.Scheduler.Cli;

/// <summary>Parameters as "name=value, ..." sorted by name; floating-point values with four significant digits.</summary>
internal static class ParamText
{
    public static string Format(IReadOnlyDictionary<string, object> parameters) =>
        string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Value(p.Value)}"));

    private static string Value(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var whole) && !e.GetRawText().Contains('.') && !e.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase)
            => whole.ToString(CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble().ToString("G4", CultureInfo.InvariantCulture),
        JsonElement e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
