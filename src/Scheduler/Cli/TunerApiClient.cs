using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli;

/// <summary>The CLI's client for a running `tuner server`.</summary>
internal sealed class TunerApiClient(string baseUrl) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http = new() { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };

    public async Task<(SweepCreated? Created, string? Problems)> SubmitAsync(string text, bool json, CancellationToken ct)
    {
        using var content = new StringContent(text, System.Text.Encoding.UTF8, json ? "application/json" : "application/yaml");
        using var response = await http.PostAsync("api/sweeps", content, ct);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<SweepCreated>(Json, ct), null);
        }

        return (null, await DescribeProblemsAsync(response, ct));
    }

    /// <summary>Problem details as one "path: message" line per problem, or the raw body when it is something else.</summary>
    private static async Task<string> DescribeProblemsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var lines = errors.EnumerateObject()
                    .SelectMany(e => e.Value.EnumerateArray().Select(m => $"  {(e.Name.Length == 0 ? "(document)" : e.Name)}: {m.GetString()}"));
                return $"{(int)response.StatusCode} {response.ReasonPhrase}\n{string.Join('\n', lines)}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: show it as it came.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}: {body}";
    }

    public Task<IReadOnlyList<SweepSummary>?> ListAsync(CancellationToken ct) =>
        http.GetFromJsonAsync<IReadOnlyList<SweepSummary>>("api/sweeps", Json, ct);

    public Task<SweepDetails?> GetAsync(long id, CancellationToken ct) =>
        http.GetFromJsonAsync<SweepDetails>($"api/sweeps/{id}", Json, ct);

    public Task<IReadOnlyList<SweepEventView>?> EventsAsync(long id, CancellationToken ct) =>
        http.GetFromJsonAsync<IReadOnlyList<SweepEventView>>($"api/sweeps/{id}/events", Json, ct);

    public async Task<string> CancelAsync(long id, CancellationToken ct)
    {
        using var response = await http.PostAsync($"api/sweeps/{id}/cancel", null, ct);
        return $"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(ct)}";
    }

    public void Dispose() => http.Dispose();
}
