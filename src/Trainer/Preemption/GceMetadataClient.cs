namespace Tuner.Trainer.Preemption;

/// <summary>Reads <c>computeMetadata/v1/instance/preempted</c> with the <c>Metadata-Flavor: Google</c> header.</summary>
internal sealed class GceMetadataClient(HttpClient http, Uri endpoint)
{
    public const string FlavorHeader = "Metadata-Flavor";
    private const string PreemptedPath = "computeMetadata/v1/instance/preempted";

    private readonly Uri _base = MetadataEndpoints.AsBase(endpoint);

    /// <exception cref="HttpRequestException">The server answered with an error status.</exception>
    public async Task<GceMetadataValue> ReadPreemptedAsync(bool waitForChange, string? lastETag, CancellationToken ct)
    {
        var query = !waitForChange ? ""
            : lastETag is null ? "?wait_for_change=true"
            : "?wait_for_change=true&last_etag=" + Uri.EscapeDataString(lastETag);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, PreemptedPath + query));
        request.Headers.Add(FlavorHeader, "Google");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        response.EnsureSuccessStatusCode();
        var text = (await response.Content.ReadAsStringAsync(ct)).Trim();
        // GCE sends the ETag unquoted, which the typed ETag header rejects; the raw value is kept either way.
        var etag = response.Headers.TryGetValues("ETag", out var raw) ? raw.FirstOrDefault()?.Trim('"') : null;
        return new GceMetadataValue(text, etag);
    }
}
