using System.Globalization;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>Fields of a CSV record as RFC 4180 writes them: a field holding a comma, a double quote, CR or LF is enclosed
/// in double quotes, and each double quote inside it is doubled; records end with CRLF.</summary>
internal static class CsvFields
{
    public const string RecordEnd = "\r\n";

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A value as a field: numbers in invariant round-trip form, times in ISO 8601 UTC, null as empty.</summary>
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => Escape(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => Escape(formattable.ToString(null, CultureInfo.InvariantCulture)),
        var other => Escape(other.ToString() ?? ""),
    };

    public static string Record(IEnumerable<object?> values) => string.Join(',', values.Select(Of)) + RecordEnd;
}
