using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Compute Engine REST v1 calls for one project: every call carries "Authorization: Bearer" from the credential;
/// an error answer becomes a <see cref="GceApiException"/>. Request bodies are never put in messages (the startup
/// script holds a database password).
/// </summary>
internal sealed class GceRestClient(HttpClient http, Uri endpoint, string project, ITokenAccess credential)
{
    private readonly Uri _projectBase = new(endpoint.AbsoluteUri.TrimEnd('/') + $"/projects/{Uri.EscapeDataString(project)}/");

    public async Task<GceOperation> InsertInstanceAsync(string zone, JsonObject body, Guid requestId, CancellationToken ct) =>
        GceOperation.From(await SendAsync(HttpMethod.Post, $"zones/{zone}/instances?requestId={requestId}", body, ct));

    public async Task<GceOperation> DeleteInstanceAsync(GceInstanceId id, Guid requestId, CancellationToken ct) =>
        GceOperation.From(await SendAsync(HttpMethod.Delete, $"zones/{id.Zone}/instances/{id.Name}?requestId={requestId}", null, ct));

    public async Task<GceOperation> WaitOperationAsync(string zone, string operation, CancellationToken ct) =>
        GceOperation.From(await SendAsync(HttpMethod.Post, $"zones/{zone}/operations/{Uri.EscapeDataString(operation)}/wait", null, ct));

    public async Task<GceInstance> GetInstanceAsync(GceInstanceId id, CancellationToken ct) =>
        GceInstance.From((await SendAsync(HttpMethod.Get, $"zones/{id.Zone}/instances/{id.Name}", null, ct))!);

    /// <summary>True when the resource exists (200), false on 404.</summary>
    public async Task<bool> ExistsAsync(string relativePath, CancellationToken ct)
    {
        try
        {
            await SendAsync(HttpMethod.Get, relativePath, null, ct);
            return true;
        }
        catch (GceApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Every instance matching the filter in every zone, following nextPageToken.</summary>
    public async Task<IReadOnlyList<GceInstance>> AggregatedInstancesAsync(string filter, CancellationToken ct)
    {
        var instances = new List<GceInstance>();
        string? pageToken = null;
        do
        {
            var query = $"aggregated/instances?filter={Uri.EscapeDataString(filter)}&maxResults=500";
            if (pageToken is not null)
                query += $"&pageToken={Uri.EscapeDataString(pageToken)}";
            var page = await SendAsync(HttpMethod.Get, query, null, ct);
            foreach (var (_, scope) in page?["items"]?.AsObject() ?? [])
                instances.AddRange(scope?["instances"]?.AsArray().OfType<JsonNode>().Select(GceInstance.From) ?? []);
            pageToken = (string?)page?["nextPageToken"];
        }
        while (!string.IsNullOrEmpty(pageToken));
        return instances;
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string relativePath, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_projectBase, relativePath));
        var token = await credential.GetAccessTokenForRequestAsync(request.RequestUri!.AbsoluteUri, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await SendOrThrowAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw ErrorFrom(response.StatusCode, text);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>A connection failure or an HttpClient timeout is transient: Throttled, so the caller retries later.</summary>
    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var call = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CapacityException(CapacityErrorKind.Throttled, "unreachable", $"{call} could not reach Compute Engine: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CapacityException(CapacityErrorKind.Throttled, "timeout", $"{call} got no answer within {http.Timeout.TotalSeconds:0} s", e);
        }
    }

    private static GceApiException ErrorFrom(HttpStatusCode status, string text)
    {
        string? reason = null, message = null;
        try
        {
            var error = text.Length == 0 ? null : JsonNode.Parse(text)?["error"];
            reason = (string?)error?["errors"]?.AsArray().FirstOrDefault()?["reason"] ?? (string?)error?["status"];
            message = (string?)error?["message"];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not GCE's JSON error shape (a proxy's HTML page, say): keep the status and the start of the text.
        }
        return new GceApiException(status, reason ?? $"HTTP{(int)status}", message ?? (text.Length > 200 ? text[..200] : text));
    }
}
