using System.Net;
using Tuner.Trainer.Preemption;

namespace Tuner.Trainer.Tests.Preemption;

public sealed class GcePreemptionWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();
    private FakeGceMetadataServer _metadata = null!;

    public async Task InitializeAsync() => _metadata = await FakeGceMetadataServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _metadata.DisposeAsync();
    }

    [Fact]
    public async Task WaitForNotice_WaitsInLongPoll_AndCompletesOnlyByCancellation_WhileValueIsFalse()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Watcher().WaitForNoticeAsync(cancel.Token);

        Assert.True(await _metadata.LongPollsWaiting.WaitAsync(SafetyTimeout));
        Assert.False(wait.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.True(await _metadata.LongPollsAbandoned.WaitAsync(SafetyTimeout));
    }

    [Fact]
    public async Task WaitForNotice_ReturnsNotice_WhenValueFlipsToTrueDuringLongPoll()
    {
        var initialETag = _metadata.CurrentETag;
        var wait = Watcher().WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _metadata.LongPollsWaiting.WaitAsync(SafetyTimeout));

        _metadata.SetPreempted(true);
        var notice = await wait.WaitAsync(SafetyTimeout);

        Assert.Equal("gce-preempted", notice.Source);
        Assert.NotNull(notice.TerminationTime);
        Assert.Equal(new string?[] { initialETag }, _metadata.LongPollETags);
    }

    [Fact]
    public async Task WaitForNotice_LongPollsAgainWithNewETag_WhenValueChangesButStaysFalse()
    {
        var wait = Watcher().WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _metadata.LongPollsWaiting.WaitAsync(SafetyTimeout));
        var firstETag = _metadata.CurrentETag;

        _metadata.SetPreempted(false);
        Assert.True(await _metadata.LongPollsWaiting.WaitAsync(SafetyTimeout));
        var secondETag = _metadata.CurrentETag;
        Assert.False(wait.IsCompleted);
        _metadata.SetPreempted(true);
        await wait.WaitAsync(SafetyTimeout);

        Assert.Equal(new string?[] { firstETag, secondETag }, _metadata.LongPollETags);
        Assert.NotEqual(firstETag, secondETag);
    }

    [Fact]
    public async Task WaitForNotice_ReturnsAtOnce_WhenAlreadyPreempted()
    {
        _metadata.SetPreempted(true);

        var notice = await Watcher().WaitForNoticeAsync(CancellationToken.None).WaitAsync(SafetyTimeout);

        Assert.Equal("gce-preempted", notice.Source);
        Assert.Empty(_metadata.LongPollETags);
    }

    [Fact]
    public async Task WaitForNotice_RetriesWithBackoff_AfterServerErrors()
    {
        _metadata.FailNextRequests(3);
        _metadata.SetPreempted(true);

        var notice = await Watcher().WaitForNoticeAsync(CancellationToken.None).WaitAsync(SafetyTimeout);

        Assert.Equal("gce-preempted", notice.Source);
        Assert.Equal(3, _metadata.FailuresServed);
        Assert.Equal(0, _metadata.RequestsWithoutFlavor);
    }

    [Fact]
    public async Task FakeMetadata_AnswersForbidden_WithoutMetadataFlavorHeader()
    {
        using var response = await _http.GetAsync(new Uri(_metadata.Endpoint, "/computeMetadata/v1/instance/preempted"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void DefaultEndpoint_ReadsGceMetadataHost()
    {
        var previous = Environment.GetEnvironmentVariable(GcePreemptionWatcher.HostVariable);
        try
        {
            Environment.SetEnvironmentVariable(GcePreemptionWatcher.HostVariable, "127.0.0.1:8080");
            Assert.Equal(new Uri("http://127.0.0.1:8080/"), GcePreemptionWatcher.DefaultEndpoint());
            Environment.SetEnvironmentVariable(GcePreemptionWatcher.HostVariable, null);
            Assert.Equal(new Uri("http://metadata.google.internal/"), GcePreemptionWatcher.DefaultEndpoint());
        }
        finally
        {
            Environment.SetEnvironmentVariable(GcePreemptionWatcher.HostVariable, previous);
        }
    }

    private GcePreemptionWatcher Watcher() =>
        new(_http, _metadata.Endpoint, initialBackoff: TimeSpan.FromMilliseconds(10), maxBackoff: TimeSpan.FromMilliseconds(40));
}
