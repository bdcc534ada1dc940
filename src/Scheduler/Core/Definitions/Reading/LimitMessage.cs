using System.Globalization;

namespace Tuner.Core.Definitions.Reading;

/// <summary>The message for a value over one of the server's <see cref="DefinitionLimits"/>, naming the setting that raises it.</summary>
internal static class LimitMessage
{
    public static string Text(string what, string unit, long limit, long actual, string key) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what} may have at most {limit} {unit} on this server, but got {actual} (the operator's limit {DefinitionLimits.VariableFor(key)})");

    public static string AtMost(string key, long limit, long actual, string limitKey) => string.Create(
        CultureInfo.InvariantCulture,
        $"{key} must be at most {limit} on this server, but got {actual} (the operator's limit {DefinitionLimits.VariableFor(limitKey)})");
}
