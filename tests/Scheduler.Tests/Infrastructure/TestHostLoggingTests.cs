using Hangfire.Logging;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Infrastructure;

/// <summary>
/// The test hosts leave Hangfire's process-wide log provider usable after they are disposed (TestSupport's
/// HangfireProcessLogging). Without that, the next first enqueue of a job method in any test class failed with
/// ObjectDisposedException from the disposed host's logger factory.
/// </summary>
[Collection("postgres")]
public sealed class TestHostLoggingTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task HangfireHandsOutLoggers_AfterAServerAndAHarnessAreDisposed()
    {
        await (await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("hostlog"))).DisposeAsync();
        var afterServer = LogProvider.GetLogger("after-server");
        await (await SchedulerHarness.StartAsync(postgres, "hostlog")).DisposeAsync();
        var afterHarness = LogProvider.GetLogger("after-harness");

        Assert.False(afterServer.IsTraceEnabled(), "the pinned factory writes nowhere");
        Assert.False(afterHarness.IsTraceEnabled(), "the pinned factory writes nowhere");
    }
}
