using System.Net.Http.Json;
using System.Text.Json;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// What a failed API response says: the detail (or title) of an application/problem+json body and its per-path errors,
/// or, for any other body, just the status line.
/// </summary>
internal sealed record ApiProblem(string Summary, IReadOnlyList<string> Errors)
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var statusLine = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return new ApiProblem(statusLine, []);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var root = document.RootElement;
            var summary = Text(root, "detail") ?? Text(root, "title") ?? statusLine;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Array
                        ? p.Value.EnumerateArray().Select(m => $"{(p.Name.Length == 0 ? "(document)" : p.Name)}: {m}")
                        : []).ToList()
                : [];
            return new ApiProblem(summary, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(statusLine, []);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}
