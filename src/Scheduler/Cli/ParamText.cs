using System.Globalization;

namespace Tuner.Scheduler.Cli;

internal static class ParamText
{
    public static string Format(IReadOnlyDictionary<string, object> parameters) =>
        string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Value(p.Value)}"));

    private static string Value(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        System.Text.Json.JsonElement e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
