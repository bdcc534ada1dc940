using Microsoft.Extensions.Time.Testing;
using Tuner.Trainer.Preemption;

namespace Tuner.Trainer.Tests.Preemption;

public sealed class CompositePreemptionWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Ec2PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeImdsServer _imds = null!;
    private FakeGceMetadataServer _gce = null!;

    public async Task InitializeAsync()
    {
        _imds = await FakeImdsServer.StartAsync(_clock);
        _gce = await FakeGceMetadataServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _imds.DisposeAsync();
        await _gce.DisposeAsync();
    }

    [Fact]
    public async Task WaitForNotice_ReturnsFirstNotice_AndCancelsTheOtherWatchers()
    {
        var composite = new CompositePreemptionWatcher(Ec2Watcher(), GceWatcher());
        var wait = composite.WaitForNoticeAsync(CancellationToken.None);
        Assert.True(await _gce.LongPollsWaiting.WaitAsync(SafetyTimeout));
        var terminationTime = _clock.GetUtcNow().AddMinutes(2);

        _imds.SetInstanceAction("terminate", terminationTime);
        var notice = await _clock.AdvanceWhileWaitingAsync(wait.WaitAsync(SafetyTimeout), Ec2PollInterval);

        Assert.Equal(("ec2-spot", terminationTime), (notice.Source, notice.TerminationTime));
        Assert.True(await _gce.LongPollsAbandoned.WaitAsync(SafetyTimeout));
    }

    [Fact]
    public async Task WaitForNotice_CompletesOnlyByCancellation_WhenNoWatcherHearsANotice()
    {
        using var cancel = new CancellationTokenSource();
        var wait = new CompositePreemptionWatcher(Ec2Watcher(), GceWatcher()).WaitForNoticeAsync(cancel.Token);
        Assert.True(await _gce.LongPollsWaiting.WaitAsync(SafetyTimeout));
        Assert.True(await _imds.InstanceActionPolls.WaitAsync(SafetyTimeout));

        Assert.False(wait.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void Constructor_RejectsEmptyWatcherList()
    {
        var error = Assert.Throws<ArgumentException>(() => new CompositePreemptionWatcher());

        Assert.Contains("at least one watcher", error.Message, StringComparison.Ordinal);
    }

    private Ec2SpotNoticeWatcher Ec2Watcher() =>
        new(_http, _imds.Endpoint, _clock, Ec2PollInterval);

    private GcePreemptionWatcher GceWatcher() => new(_http, _gce.Endpoint);
}
