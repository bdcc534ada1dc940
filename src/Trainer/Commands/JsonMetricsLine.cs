using System.Text.Json;

namespace Tuner.Trainer.Commands;

/// <summary>
/// The documented metrics line: a JSON object with a <c>tuner</c> object holding an integer <c>step</c> (from 1) and
/// at least one metric, each a finite number: <c>{"tuner": {"step": 3, "val_accuracy": 0.91}}</c>. Other keys beside
/// <c>tuner</c> are allowed (a structured log line can carry the metrics).
/// </summary>
public static class JsonMetricsLine
{
    /// <summary>Whether <paramref name="line"/> is meant as a metrics line: an object that mentions <c>"tuner"</c>.
    /// On stdout, other lines are the program's log; a line that is meant as one must then be well-formed.</summary>
    public static bool IsCandidate(string line)
    {
        var text = line.AsSpan().Trim();
        return text.StartsWith('{') && text.Contains("\"tuner\"", StringComparison.Ordinal);
    }

    /// <summary>Reads a metrics line; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static ReportedMetrics Parse(string line) => Parse(line, requireStep: true);

    /// <summary>Reads a metrics line, whose <c>step</c> may be left out unless <paramref name="requireStep"/> (an
    /// evaluate command's lines need none); a step that is there must still be a whole number from 1.</summary>
    public static ReportedMetrics Parse(string line, bool requireStep)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            var hint = line.Contains("NaN", StringComparison.Ordinal) || line.Contains("Infinity", StringComparison.Ordinal)
                ? " (NaN and Infinity are not JSON: a metric must be a finite number)"
                : "";
            throw new FormatException($"it is not valid JSON{hint}: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("tuner", out var tuner))
                throw new FormatException("it must be a JSON object with a \"tuner\" key");
            if (tuner.ValueKind != JsonValueKind.Object)
                throw new FormatException($"\"tuner\" must be an object like {{\"step\": 1, \"val_accuracy\": 0.5}}, but it is {Describe(tuner)}");

            int? step = null;
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in tuner.EnumerateObject())
            {
                if (property.Name == "step")
                {
                    step = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var s) && s >= 1
                        ? s
                        : throw new FormatException($"\"step\" must be a whole number from 1, but it is {Describe(property.Value)}");
                }
                else
                {
                    metrics[property.Name] = property.Value.ValueKind == JsonValueKind.Number
                        && property.Value.TryGetDouble(out var value) && double.IsFinite(value)
                        ? value
                        : throw new FormatException($"metric \"{property.Name}\" must be a finite number, but it is {Describe(property.Value)}");
                }
            }

            if (step is null && requireStep) throw new FormatException("it has no \"step\" (a whole number from 1)");
            if (metrics.Count == 0) throw new FormatException("it has no metrics besides \"step\"");
            return new ReportedMetrics(step, metrics);
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
