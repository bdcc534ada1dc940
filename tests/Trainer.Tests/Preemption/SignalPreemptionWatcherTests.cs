using System.Diagnostics;
using System.Globalization;
using Tuner.Trainer.Preemption;

namespace Tuner.Trainer.Tests.Preemption;

public sealed class SignalPreemptionWatcherTests
{
    [Fact]
    public async Task WaitForNotice_Completes_WhenProcessReceivesSigterm()
    {
        // cancelDefaultHandling keeps the test host alive: without it, SIGTERM would shut it down
        using var watcher = new SignalPreemptionWatcher(cancelDefaultHandling: true);
        var wait = watcher.WaitForNoticeAsync(CancellationToken.None);

        using (var kill = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }
        var notice = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("sigterm", notice.Source);
        Assert.Null(notice.TerminationTime);
    }

    [Fact]
    public async Task WaitForNotice_CompletesOnlyByCancellation_WithoutSignal()
    {
        using var watcher = new SignalPreemptionWatcher(cancelDefaultHandling: true);
        using var cancel = new CancellationTokenSource();
        var wait = watcher.WaitForNoticeAsync(cancel.Token);

        Assert.False(wait.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
