using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Core.Capacity;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Capacity.Aws;
using Tuner.Scheduling.Costs;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>
/// Right-sizing against the EC2 fake: the sweep ran on both of its pool's types, on workers of different speeds (a
/// g5.xlarge trains an epoch in 20 s at $0.40/h, a g4dn.xlarge in 60 s at $0.20/h); the ledger prices their runs, and the
/// autoscaler then asks for the type with the lowest cost per epoch first, though EC2's lowest-price allocation would have
/// picked the cheaper hour.
/// </summary>
[Collection("postgres")]
public sealed class RightSizingTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Autoscaler_LaunchesTheTypeWithTheLowestMeasuredCostPerEpoch_AndSaysWhy()
    {
        await using var harness = await RegistryHarness.StartAsync(postgres, "right_sizing");
        foreach (var zone in new[] { AwsHarness.ZoneA, AwsHarness.ZoneB })
        {
            harness.Aws.Fake.SetSpotPrice("g5.xlarge", zone, 0.40m, harness.Clock.GetUtcNow());
            harness.Aws.Fake.SetSpotPrice("g4dn.xlarge", zone, 0.20m, harness.Clock.GetUtcNow());
        }

        var sweepId = await harness.SubmitAsync(parallelism: 3, maxInstances: 4);
        await MeasureAsync(harness, sweepId);
        using var autoscaler = harness.CreateAutoscaler();

        await autoscaler.PassAsync(CancellationToken.None);

        var fleet = harness.Aws.Fake.RequestsFor("CreateFleet")[^1];
        Assert.Equal("capacity-optimized-prioritized", fleet["SpotOptions.AllocationStrategy"]);
        Assert.Equal(("g5.xlarge", "0"), (fleet["LaunchTemplateConfigs.1.Overrides.1.InstanceType"], fleet["LaunchTemplateConfigs.1.Overrides.1.Priority"]));
        var launched = (await harness.InstancesAsync()).Where(i => i.State == CapacityInstanceState.Running).ToList();
        Assert.Single(launched);
        Assert.Equal("g5.xlarge", launched[0].InstanceType);
        var scaleUp = (await harness.EventsAsync(sweepId)).Single(e => e.Kind == "scale_up");
        Assert.Equal(
            $"pool {CloudSweeps.Pool}: 1 queued + 0 running trials, 0 workers up: launching 1; instance types by measured cost per epoch: " +
            "g5.xlarge $0.002222/epoch (20 s/epoch over 10 epochs), g4dn.xlarge $0.003333/epoch (60 s/epoch over 10 epochs); launching g5.xlarge first",
            scaleUp.Message);
    }

    /// <summary>One ended instance of each type, a run of 10 epochs on each at its speed, and the ledger's pass over them;
    /// the two trials they trained are complete, the third waits.</summary>
    private static async Task MeasureAsync(RegistryHarness harness, long sweepId)
    {
        var start = harness.Clock.GetUtcNow().AddHours(-1);
        await using (var db = await harness.Scheduler.DbAsync())
        {
            var trials = await db.Trials.Where(t => t.SweepId == sweepId).OrderBy(t => t.Number).ToListAsync();
            foreach (var (trial, type, price, seconds, n) in new[] { (trials[0], "g5.xlarge", 0.40m, 200, 1), (trials[1], "g4dn.xlarge", 0.20m, 600, 2) })
            {
                trial.Status = TrialStatus.Complete;
                var instanceId = $"i-measured{n}";
                db.CapacityInstances.Add(new CapacityInstance
                {
                    Provider = "aws", Pool = CloudSweeps.Pool, LaunchToken = Guid.NewGuid().ToString(), InstanceId = instanceId, InstanceType = type,
                    Zone = AwsHarness.ZoneA, Market = CapacityMarket.Spot, GpuCount = 1, State = CapacityInstanceState.Ended, HourlyPriceUsd = price,
                    SweepId = sweepId, RequestedAt = start, LaunchedAt = start, LastSeenAt = start.AddSeconds(seconds),
                    TerminateRequestedAt = start.AddSeconds(seconds), EndedAt = start.AddSeconds(seconds),
                });
                db.Workers.Add(new Worker { Id = $"w-{n}", Host = "h", InstanceId = instanceId, Queue = CloudSweeps.Pool, State = WorkerState.Stopped, StartedAt = start, LastHeartbeatAt = start.AddSeconds(seconds) });
                db.TrialRuns.Add(new TrialRun
                {
                    TrialId = trial.Id, WorkerId = $"w-{n}", LeaseToken = 1, Outcome = TrialRunOutcome.Completed, StartedAt = start, EndedAt = start.AddSeconds(seconds), EpochsTrained = 10,
                });
            }

            await db.SaveChangesAsync();
        }

        await new CostLedger(harness.Scheduler.Get<IDbContextFactory<TunerDbContext>>(), CostSettings.Default, harness.Clock, NullLogger<CostLedger>.Instance)
            .RecordAsync(CancellationToken.None);
    }
}
