using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>One autoscaler pass at a time: launches follow queued plus running trials within max_instances, and an idle
/// pool goes to zero after its idle timeout.</summary>
[Collection("postgres")]
public sealed class AutoscalerTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Pass_LaunchesMaxInstances_WhenMoreTrialsWait_AndSaysSoInScaleUpEvent()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "autoscaler_scale_up");
        var sweepId = await harness.SubmitAsync(parallelism: 3, maxInstances: 2);
        using var autoscaler = harness.CreateAutoscaler();

        await autoscaler.PassAsync(CancellationToken.None);

        Assert.Equal(3, (await harness.Scheduler.TrialsAsync(sweepId)).Count(t => t.Status == TrialStatus.Waiting));
        Assert.Equal(2, harness.Aws.Fake.Instances.Count);
        var rows = await harness.InstancesAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((CapacityInstanceState.Running, CloudSweeps.Pool, sweepId), (r.State, r.Pool, r.SweepId)));
        var scaleUp = Assert.Single(await harness.EventsAsync(sweepId));
        Assert.Equal("scale_up", scaleUp.Kind);
        Assert.Equal($"pool {CloudSweeps.Pool}: 3 queued + 0 running trials (capped at 2), 0 workers up: launching 2", scaleUp.Message);

        await autoscaler.PassAsync(CancellationToken.None);

        Assert.Equal(2, harness.Aws.Fake.Instances.Count);
        Assert.Single(await harness.EventsAsync(sweepId));
    }

    [Fact]
    public async Task Pass_ScalesIdlePoolToZero_AfterIdleTimeout_AndResetsSpotFailures()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "autoscaler_scale_down");
        var sweepId = await harness.SubmitAsync(parallelism: 2, maxInstances: 2);
        using var autoscaler = harness.CreateAutoscaler();
        await autoscaler.PassAsync(CancellationToken.None);
        await using (var db = await harness.Scheduler.DbAsync())
        {
            await db.Trials.Where(t => t.SweepId == sweepId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TrialStatus.Cancelled));
            await db.CapacityPools.Where(p => p.Name == CloudSweeps.Pool).ExecuteUpdateAsync(s => s.SetProperty(p => p.SpotFailures, 1));
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        await autoscaler.PassAsync(CancellationToken.None);
        var beforeTimeout = await harness.InstancesAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await autoscaler.PassAsync(CancellationToken.None);

        Assert.All(beforeTimeout, r => Assert.Equal(CapacityInstanceState.Running, r.State));
        var rows = await harness.InstancesAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((CapacityInstanceState.Terminating, "idle: pool scaled to zero"), (r.State, r.EndReason)));
        Assert.All(harness.Aws.Fake.Instances, i => Assert.Equal("terminated", i.State));
        var scaleDown = Assert.Single(await harness.EventsAsync(sweepId), e => e.Kind == "scale_down");
        Assert.Equal($"pool {CloudSweeps.Pool}: no queued or running trial for 300s (idle timeout 300s): scaling 2 workers to zero", scaleDown.Message);
        Assert.Equal(0, (await harness.PoolAsync()).SpotFailures);
    }
}
