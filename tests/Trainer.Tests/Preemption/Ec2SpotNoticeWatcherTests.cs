using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tuner.Trainer.Preemption;

namespace Tuner.Trainer.Tests.Preemption;

public sealed class Ec2SpotNoticeWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeImdsServer _imds = null!;

    public async Task InitializeAsync() => _imds = await FakeImdsServer.StartAsync(_clock);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _imds.DisposeAsync();
    }

    [Fact]
    public async Task WaitForNotice_KeepsPolling_AndCompletesOnlyByCancellation_WhileInstanceActionIs404()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Watcher().WaitForNoticeAsync(cancel.Token);

        for (var poll = 0; poll < 3; poll++)
            Assert.True(await NextPollAsync());
        Assert.False(wait.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(1, _imds.TokensIssued);
    }

    [Fact]
    public async Task WaitForNotice_ReturnsActionAndTerminationTime_OnceInstanceActionAppears()
    {
        var wait = Watcher().WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _imds.InstanceActionPolls.WaitAsync(SafetyTimeout));
        var terminationTime = _clock.GetUtcNow().AddMinutes(2);

        _imds.SetInstanceAction("terminate", terminationTime);
        var notice = await _clock.AdvanceWhileWaitingAsync(wait.WaitAsync(SafetyTimeout), PollInterval);

        Assert.Equal("ec2-spot", notice.Source);
        Assert.Equal(terminationTime, notice.TerminationTime);
        Assert.Contains("terminate", notice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForNotice_FetchesNewToken_WhenTheTokenExpires()
    {
        var wait = Watcher(tokenLifetime: TimeSpan.FromSeconds(60)).WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _imds.InstanceActionPolls.WaitAsync(SafetyTimeout));

        _clock.Advance(TimeSpan.FromSeconds(61));
        _imds.SetInstanceAction("stop", _clock.GetUtcNow().AddMinutes(2));
        var notice = await _clock.AdvanceWhileWaitingAsync(wait.WaitAsync(SafetyTimeout), PollInterval);

        Assert.Contains("stop", notice.Detail, StringComparison.Ordinal);
        Assert.Equal(2, _imds.TokensIssued);
    }

    [Fact]
    public async Task WaitForNotice_FetchesNewToken_AfterUnauthorized()
    {
        var wait = Watcher().WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _imds.InstanceActionPolls.WaitAsync(SafetyTimeout));

        _imds.RevokeAllTokens();
        _imds.SetInstanceAction("hibernate", _clock.GetUtcNow().AddMinutes(2));
        var notice = await _clock.AdvanceWhileWaitingAsync(wait.WaitAsync(SafetyTimeout), PollInterval);

        Assert.Contains("hibernate", notice.Detail, StringComparison.Ordinal);
        Assert.True(_imds.UnauthorizedResponses >= 1, $"expected a 401 after revoking tokens, got {_imds.UnauthorizedResponses}");
        Assert.Equal(2, _imds.TokensIssued);
    }

    [Fact]
    public async Task WaitForNotice_IgnoresRebalanceRecommendation_AndReportsItOnce_ByDefault()
    {
        var reported = new List<PreemptionNotice>();
        _imds.SetRebalanceRecommendation(_clock.GetUtcNow());
        using var cancel = new CancellationTokenSource();
        var watcher = new Ec2SpotNoticeWatcher(_http, _imds.Endpoint, _clock, PollInterval,
            onRebalanceRecommendation: notice => { lock (reported) reported.Add(notice); });
        var wait = watcher.WaitForNoticeAsync(cancel.Token);

        for (var poll = 0; poll < 3; poll++)
            Assert.True(await NextPollAsync());
        Assert.False(wait.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        lock (reported)
            Assert.Equal("ec2-rebalance", Assert.Single(reported).Source);
    }

    [Fact]
    public async Task WaitForNotice_ReturnsRebalanceNotice_WhenTreatRebalanceAsNoticeIsSet()
    {
        var watcher = new Ec2SpotNoticeWatcher(_http, _imds.Endpoint, _clock, PollInterval, treatRebalanceAsNotice: true);
        var wait = watcher.WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _imds.InstanceActionPolls.WaitAsync(SafetyTimeout));

        _imds.SetRebalanceRecommendation(_clock.GetUtcNow());
        var notice = await _clock.AdvanceWhileWaitingAsync(wait.WaitAsync(SafetyTimeout), PollInterval);

        Assert.Equal("ec2-rebalance", notice.Source);
        Assert.Null(notice.TerminationTime);
    }

    [Fact]
    public async Task FakeImds_AnswersUnauthorized_WithoutToken()
    {
        using var response = await _http.GetAsync(new Uri(_imds.Endpoint, "/latest/meta-data/spot/instance-action"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void DefaultEndpoint_ReadsAwsEc2MetadataServiceEndpoint()
    {
        var previous = Environment.GetEnvironmentVariable(Ec2SpotNoticeWatcher.EndpointVariable);
        try
        {
            Environment.SetEnvironmentVariable(Ec2SpotNoticeWatcher.EndpointVariable, "http://127.0.0.1:1338");
            Assert.Equal(new Uri("http://127.0.0.1:1338/"), Ec2SpotNoticeWatcher.DefaultEndpoint());
            Environment.SetEnvironmentVariable(Ec2SpotNoticeWatcher.EndpointVariable, null);
            Assert.Equal(new Uri("http://169.254.169.254/"), Ec2SpotNoticeWatcher.DefaultEndpoint());
        }
        finally
        {
            Environment.SetEnvironmentVariable(Ec2SpotNoticeWatcher.EndpointVariable, previous);
        }
    }

    /// <summary>Waits for the watcher's next instance-action poll, moving the clock on so that it polls.</summary>
    private Task<bool> NextPollAsync() =>
        _clock.AdvanceWhileWaitingAsync(_imds.InstanceActionPolls.WaitAsync(SafetyTimeout), PollInterval);

    private Ec2SpotNoticeWatcher Watcher(TimeSpan? tokenLifetime = null) =>
        new(_http, _imds.Endpoint, _clock, PollInterval, tokenLifetime: tokenLifetime);
}
