using Tuner.Scheduling.Capacity;
using Tuner.Core.Model;
using Tuner.Core.Capacity;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>After on_demand_after_spot_failures spot launches in a row find no capacity, the pool launches on-demand.</summary>
[Collection("postgres")]
public sealed class SpotFallbackTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Launch_FallsBackToOnDemand_AfterTwoSpotLaunchesFindNoCapacity()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_spot_fallback");
        var sweepId = await harness.SubmitAsync(spotFailures: 2);
        harness.Aws.Fake.FailNext("CreateFleet", "InsufficientInstanceCapacity", count: 2);

        var first = await harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], CancellationToken.None);
        var afterFirst = (await harness.EventsAsync(sweepId)).Select(e => e.Kind).ToList();
        var second = await harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], CancellationToken.None);
        var poolAfterSecond = await harness.PoolAsync();
        var third = await harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], CancellationToken.None);

        Assert.Equal((false, CapacityMarket.Spot), (first.Launched, first.Market));
        Assert.Equal(CapacityErrorKind.InsufficientCapacity, first.Refusal!.Kind);
        Assert.Equal(["launch_failed"], afterFirst);
        Assert.Equal((false, CapacityMarket.Spot), (second.Launched, second.Market));
        Assert.Equal(2, poolAfterSecond.SpotFailures);
        Assert.Equal((true, CapacityMarket.OnDemand), (third.Launched, third.Market));
        var events = await harness.EventsAsync(sweepId);
        Assert.Equal(["launch_failed", "launch_failed", "spot_fallback"], events.Select(e => e.Kind));
        Assert.All(events.Take(2), e => Assert.Contains("InsufficientInstanceCapacity", e.Message));
        Assert.Contains("launches on-demand", events[2].Message);
        var fleets = harness.Aws.Fake.RequestsFor("CreateFleet");
        Assert.Equal(["spot", "spot", "on-demand"], fleets.Select(f => f["TargetCapacitySpecification.DefaultTargetCapacityType"]));
        var rows = await harness.InstancesAsync();
        Assert.Equal([CapacityInstanceState.Ended, CapacityInstanceState.Ended, CapacityInstanceState.Running], rows.Select(r => r.State));
        Assert.All(rows.Take(2), r => Assert.StartsWith("launch failed: InsufficientInstanceCapacity", r.EndReason));
        Assert.Equal(CapacityMarket.OnDemand, rows[2].Market);
        Assert.False(Assert.Single(harness.Aws.Fake.Instances).Spot);
    }
}
