using Tuner.Scheduling.Capacity;
using Tuner.Core.Model;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>The registry writes a launch's row before EC2 is called and completes it from EC2's answer.</summary>
[Collection("postgres")]
public sealed class LaunchRecordTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Launch_RecordsRequestedRowWithToken_BeforeEc2Answers_ThenRunningWithInstanceDetails()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_launch_record");
        var now = harness.Clock.GetUtcNow();
        harness.Aws.Fake.SetSpotPrice("g5.xlarge", ZoneA, 0.4101m, now);
        harness.Aws.Fake.SetSpotPrice("g5.xlarge", ZoneB, 0.4202m, now);
        harness.Aws.Fake.SetSpotPrice("g4dn.xlarge", ZoneA, 0.2103m, now);
        harness.Aws.Fake.SetSpotPrice("g4dn.xlarge", ZoneB, 0.2204m, now);
        var sweepId = await harness.SubmitAsync();
        var hold = harness.Aws.Fake.HoldNextLaunch();

        var launch = harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], CancellationToken.None);
        var heldInstanceId = await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var during = Assert.Single(await harness.InstancesAsync());
        hold.Release();
        var result = await launch;

        var ec2Instance = Assert.Single(harness.Aws.Fake.Instances);
        Assert.Equal(CapacityInstanceState.Requested, during.State);
        Assert.Null(during.InstanceId);
        Assert.Equal(ec2Instance.Tags[InstanceTags.LaunchToken], during.LaunchToken);
        Assert.Equal((CloudSweeps.Pool, sweepId, 1), (during.Pool, during.SweepId, during.GpuCount));
        Assert.True(result.Launched);
        var after = Assert.Single(await harness.InstancesAsync());
        var expectedPrice = (ec2Instance.InstanceType, ec2Instance.Zone) switch
        {
            ("g5.xlarge", ZoneA) => 0.4101m,
            ("g5.xlarge", ZoneB) => 0.4202m,
            ("g4dn.xlarge", ZoneA) => 0.2103m,
            _ => 0.2204m,
        };
        Assert.Equal(CapacityInstanceState.Running, after.State);
        Assert.Equal((heldInstanceId, ec2Instance.InstanceType, ec2Instance.Zone), (after.InstanceId, after.InstanceType, after.Zone));
        Assert.Equal((CapacityMarket.Spot, expectedPrice), (after.Market, after.HourlyPriceUsd));
        Assert.Equal(during.LaunchToken, after.LaunchToken);
        Assert.NotNull(after.LaunchedAt);
    }

    [Fact]
    public async Task Launch_IsRefusedWithoutCallingEc2_WhenCheckpointsAreNotInObjectStorage()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_no_object_store", checkpoints: "/var/tuner/checkpoints");
        var sweepId = await harness.SubmitAsync();

        var result = await harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], CancellationToken.None);

        Assert.False(result.Launched);
        Assert.Equal((CapacityErrorKind.Rejected, "NoObjectStore"), (result.Refusal!.Kind, result.Refusal.Code));
        Assert.Contains("TUNER_CHECKPOINTS=s3://bucket/prefix", result.Refusal.Message);
        Assert.Empty(harness.Aws.Fake.Instances);
        Assert.Empty(harness.Aws.Fake.RequestsFor("CreateFleet"));
        var row = Assert.Single(await harness.InstancesAsync());
        Assert.Equal(CapacityInstanceState.Ended, row.State);
        Assert.StartsWith("launch failed: NoObjectStore: ", row.EndReason);
        var failed = Assert.Single(await harness.EventsAsync(sweepId), e => e.Kind == "launch_failed");
        Assert.Contains("NoObjectStore", failed.Message);
        Assert.Equal(0, (await harness.PoolAsync()).SpotFailures);
    }
}
