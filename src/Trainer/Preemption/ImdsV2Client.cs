using System.Globalization;
using System.Net;

namespace Tuner.Trainer.Preemption;

/// <summary>IMDSv2 session: a PUT-issued token sent with every GET, refreshed before it expires and on 401.</summary>
internal sealed class ImdsV2Client(HttpClient http, Uri endpoint, TimeProvider clock, TimeSpan tokenLifetime)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    private readonly Uri _base = MetadataEndpoints.AsBase(endpoint);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>The body of a metadata path, or null when the path is absent (404).</summary>
    public async Task<string?> GetAsync(string path, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await GetTokenAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, path));
            request.Headers.Add(TokenHeader, token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                _token = null; // expired or revoked (IMDS restarted): fetch a new one and try once more
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(ct);
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (_token is not null && clock.GetUtcNow() < _refreshAt)
            return _token;
        var requestedAt = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_base, "latest/api/token"));
        request.Headers.Add(TtlHeader, ((int)tokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        _token = (await response.Content.ReadAsStringAsync(ct)).Trim();
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, tokenLifetime.Ticks / 10));
        _refreshAt = requestedAt + tokenLifetime - margin;
        return _token;
    }
}
