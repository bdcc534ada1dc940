using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tuner.Trainer.Tests.Preemption;

/// <summary>
/// Speaks IMDSv2 as EC2 does: PUT /latest/api/token issues a token for the requested TTL; metadata GETs without a
/// valid, unexpired token get 401; spot/instance-action and the rebalance recommendation are 404 until set.
/// </summary>
internal sealed class FakeImdsServer : IAsyncDisposable
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _tokenExpiries = [];
    private readonly TimeProvider _clock;
    private MetadataServerHost? _host;
    private string? _instanceAction;
    private string? _rebalance;
    private int _tokensIssued;
    private int _unauthorizedResponses;

    private FakeImdsServer(TimeProvider clock) => _clock = clock;

    public Uri Endpoint => _host!.BaseAddress;
    public int TokensIssued => Volatile.Read(ref _tokensIssued);
    public int UnauthorizedResponses => Volatile.Read(ref _unauthorizedResponses);

    /// <summary>Released once per authorised GET of spot/instance-action.</summary>
    public SemaphoreSlim InstanceActionPolls { get; } = new(0);

    public static async Task<FakeImdsServer> StartAsync(TimeProvider clock)
    {
        var server = new FakeImdsServer(clock);
        server._host = await MetadataServerHost.StartAsync(app =>
        {
            app.MapPut("/latest/api/token", server.IssueToken);
            app.MapGet("/latest/meta-data/spot/instance-action",
                (HttpContext context) => server.Serve(context, server._instanceAction, server.InstanceActionPolls));
            app.MapGet("/latest/meta-data/events/recommendations/rebalance",
                (HttpContext context) => server.Serve(context, server._rebalance, polls: null));
        });
        return server;
    }

    public void SetInstanceAction(string action, DateTimeOffset time) =>
        Volatile.Write(ref _instanceAction, $$"""{"action":"{{action}}","time":"{{Format(time)}}"}""");

    public void SetRebalanceRecommendation(DateTimeOffset noticeTime) =>
        Volatile.Write(ref _rebalance, $$"""{"noticeTime":"{{Format(noticeTime)}}"}""");

    /// <summary>What an IMDS restart does: every token issued so far stops working.</summary>
    public void RevokeAllTokens()
    {
        lock (_gate)
            _tokenExpiries.Clear();
    }

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private IResult IssueToken(HttpContext context)
    {
        if (!int.TryParse(context.Request.Headers[TtlHeader], CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
            return Results.BadRequest();
        var token = Guid.NewGuid().ToString("N");
        lock (_gate)
            _tokenExpiries[token] = _clock.GetUtcNow().AddSeconds(ttl);
        Interlocked.Increment(ref _tokensIssued);
        context.Response.Headers[TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return Results.Text(token);
    }

    private IResult Serve(HttpContext context, string? body, SemaphoreSlim? polls)
    {
        if (!HasValidToken(context))
        {
            Interlocked.Increment(ref _unauthorizedResponses);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        polls?.Release();
        return body is null ? Results.NotFound() : Results.Text(body, "text/plain");
    }

    private bool HasValidToken(HttpContext context)
    {
        string? token = context.Request.Headers[TokenHeader];
        lock (_gate)
            return token is not null && _tokenExpiries.TryGetValue(token, out var expiry) && _clock.GetUtcNow() < expiry;
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
