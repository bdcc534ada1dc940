using Tuner.Scheduling.Capacity;
using Tuner.Core.Capacity;
using Microsoft.Extensions.Time.Testing;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GcpOperationPollingTests
{
    [Fact]
    public async Task Launch_WaitsOnOperation_UntilDone()
    {
        await using var gcp = await GcpHarness.StartAsync();
        gcp.Fake.WaitsToFinish = 3;

        await gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None);

        var operation = Assert.Single(gcp.Fake.Operations);
        Assert.Equal(("DONE", 3), (operation.Status, operation.Waits));
        var waits = gcp.Fake.Requests.Where(r => r.Path.EndsWith("/wait", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, waits.Count);
        Assert.All(waits, w => Assert.Equal(("POST", $"zones/us-central1-a/operations/{operation.Name}/wait"), (w.Method, w.Path)));
        Assert.Equal("RUNNING", Assert.Single(gcp.Fake.Instances).Status);
    }

    [Fact]
    public async Task Launch_ThrowsThrottledOperationTimeout_WhenOperationIsNotDoneInTime()
    {
        await using var gcp = await GcpHarness.StartAsync(o => o with { OperationTimeout = TimeSpan.FromSeconds(10) },
            new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });
        gcp.Fake.WaitsToFinish = 1000;

        var error = await Assert.ThrowsAsync<CapacityException>(() => gcp.Provider.LaunchAsync(GcpHarness.Request(), CancellationToken.None));

        Assert.Equal((CapacityErrorKind.Throttled, "operationTimeout"), (error.Kind, error.Code));
        Assert.Contains("still RUNNING after 10 s", error.Message);
        Assert.InRange(Assert.Single(gcp.Fake.Operations).Waits, 1, 10);
    }
}
