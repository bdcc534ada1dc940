using Tuner.Scheduling.Capacity;
using Tuner.Core.Model;
using static Tuner.Scheduler.Tests.Capacity.Aws.AwsHarness;
using Tuner.Core.Capacity;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>Reconciliation leaks no machine: a crash between launch and record, a machine nobody recorded, a machine
/// that vanished, and a terminate that failed all end with the machine tracked or terminated.</summary>
[Collection("postgres")]
public sealed class ReconcileTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Reconcile_AdoptsInstanceByLaunchToken_WhenSchedulerStoppedBeforeRecordingIt()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_adopt");
        var sweepId = await harness.SubmitAsync();
        var hold = harness.Aws.Fake.HoldNextLaunch();
        using var crash = new CancellationTokenSource();

        var launch = harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], crash.Token);
        var heldInstanceId = await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => launch);
        hold.Release();
        var orphan = Assert.Single(await harness.InstancesAsync());
        await harness.ReconcileAsync();

        var ec2Instance = Assert.Single(harness.Aws.Fake.Instances);
        Assert.Equal((CapacityInstanceState.Requested, (string?)null), (orphan.State, orphan.InstanceId));
        var adopted = Assert.Single(await harness.InstancesAsync());
        Assert.Equal((orphan.Id, CapacityInstanceState.Running), (adopted.Id, adopted.State));
        Assert.Equal((heldInstanceId, ec2Instance.InstanceType, ec2Instance.Zone), (adopted.InstanceId, adopted.InstanceType, adopted.Zone));
        Assert.Equal("running", ec2Instance.State);
    }

    [Fact]
    public async Task Reconcile_TerminatesAdoptedInstance_WhenItsRowWasTerminatedBeforeItsIdWasKnown()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_adopt_terminating");
        var sweepId = await harness.SubmitAsync();
        var hold = harness.Aws.Fake.HoldNextLaunch();
        using var crash = new CancellationTokenSource();
        var launch = harness.Registry.LaunchAsync(await harness.PoolAsync(), [sweepId], crash.Token);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => launch);
        hold.Release();
        var orphan = Assert.Single(await harness.InstancesAsync());

        await harness.Registry.TerminateAsync(orphan, "idle: pool scaled to zero", CancellationToken.None);
        await harness.ReconcileAsync();

        Assert.Equal("terminated", Assert.Single(harness.Aws.Fake.Instances).State);
        var row = Assert.Single(await harness.InstancesAsync());
        Assert.Equal((CapacityInstanceState.Terminating, "idle: pool scaled to zero"), (row.State, row.EndReason));
        Assert.NotNull(row.InstanceId);

        await harness.ReconcileAsync();

        Assert.Equal(CapacityInstanceState.Ended, Assert.Single(await harness.InstancesAsync()).State);
    }

    [Fact]
    public async Task Reconcile_TerminatesMachineWithDeploymentTagButNoRow_AndRecordsItAsUntracked()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_untracked");
        var stray = harness.Aws.Fake.AddInstance("g5.xlarge", SubnetA, new Dictionary<string, string> { [InstanceTags.Deployment] = RegistryHarness.Deployment });
        var foreign = harness.Aws.Fake.AddInstance("g5.xlarge", SubnetB, new Dictionary<string, string> { [InstanceTags.Deployment] = "other" });

        await harness.ReconcileAsync();

        Assert.Equal("terminated", stray.State);
        Assert.Equal("running", foreign.State);
        var row = Assert.Single(await harness.InstancesAsync());
        Assert.Equal((stray.InstanceId, "(untracked)", CapacityInstanceState.Terminating), (row.InstanceId, row.Pool, row.State));
        Assert.Equal("untracked: running without a record", row.EndReason);

        await harness.ReconcileAsync();

        Assert.Equal(CapacityInstanceState.Ended, (await harness.InstanceAsync(stray.InstanceId)).State);
    }

    [Fact]
    public async Task Reconcile_EndsRow_WhenItsMachineWasPreempted()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_vanished");
        var sweepId = await harness.SubmitAsync();
        var launched = await harness.LaunchAsync(sweepId);
        var kept = await harness.LaunchAsync(sweepId);
        harness.Aws.Fake.Preempt(launched.InstanceId!);

        await harness.ReconcileAsync();

        var gone = await harness.InstanceAsync(launched.InstanceId!);
        Assert.Equal(CapacityInstanceState.Ended, gone.State);
        Assert.Equal("gone: preempted, exited or stopped outside Tuner", gone.EndReason);
        Assert.NotNull(gone.EndedAt);
        Assert.Equal(CapacityInstanceState.Running, (await harness.InstanceAsync(kept.InstanceId!)).State);
    }

    [Fact]
    public async Task Reconcile_RepeatsFailedTerminate_AndEndsRowOnceEc2NoLongerListsTheMachine()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "registry_terminate_retry");
        var sweepId = await harness.SubmitAsync();
        var launched = await harness.LaunchAsync(sweepId);
        var ec2Instance = Assert.Single(harness.Aws.Fake.Instances);
        harness.Aws.Fake.FailNext("TerminateInstances", "RequestLimitExceeded");

        await harness.Registry.TerminateAsync(launched, "idle: pool scaled to zero", CancellationToken.None);

        Assert.Equal("running", ec2Instance.State);
        var failed = await harness.InstanceAsync(launched.InstanceId!);
        Assert.Equal(CapacityInstanceState.Terminating, failed.State);
        Assert.NotNull(failed.TerminateRequestedAt);

        await harness.ReconcileAsync();

        Assert.Equal("terminated", ec2Instance.State);
        Assert.Equal(2, harness.Aws.Fake.RequestsFor("TerminateInstances").Count);
        Assert.Equal(CapacityInstanceState.Terminating, (await harness.InstanceAsync(launched.InstanceId!)).State);

        await harness.ReconcileAsync();

        var ended = await harness.InstanceAsync(launched.InstanceId!);
        Assert.Equal(CapacityInstanceState.Ended, ended.State);
        Assert.Equal("idle: pool scaled to zero", ended.EndReason);
        Assert.Equal(2, harness.Aws.Fake.RequestsFor("TerminateInstances").Count);
    }
}
