using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tuner.Core.Capacity;
using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Costs;

/// <summary>
/// A sweep's machines and runs written straight into the database, with times chosen so the ledger can be worked out
/// by hand (LedgerTests says how). Time is a <see cref="FakeTimeProvider"/> from <see cref="T0"/>.
/// <list type="bullet">
/// <item>Instance A: EC2 g4dn.xlarge spot in us-east-1a at $0.18/h (its launch price; on-demand $0.526/h), launched at
/// 0 s for the sweep, two workers on it (two GPUs). Run 1 (trial 0) from 60 to 660 s, run 2 (trial 1) from 360 to 960 s;
/// Tuner terminates it at 1,200 s.</item>
/// <item>Worker H, started by hand at 0 s with no capacity instance, at the local price of $0.40/h; run 3 (trial 2)
/// from 100 to 400 s, Lost (its last checkpoint at 300 s); the worker went silent after its heartbeat at 450 s.</item>
/// </list>
/// </summary>
internal sealed class LedgerScenario(SchedulerHarness harness, long sweepId, FakeTimeProvider clock, CostSettings prices)
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public const string InstanceId = "i-0ledger";

    public SchedulerHarness Harness => harness;
    public long SweepId => sweepId;
    public FakeTimeProvider Clock => clock;
    public long[] Runs { get; private set; } = [];
    public long[] Trials { get; private set; } = [];
    public long Instance { get; private set; }

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public static async Task<LedgerScenario> CreateAsync(SchedulerHarness harness)
    {
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 4));
        var prices = CostSettings.Default with
        {
            Local = CostSettings.Default.Local with { OnDemandUsdPerHour = 0.40m },
        };
        var scenario = new LedgerScenario(harness, sweepId, new FakeTimeProvider(T0), prices);
        await scenario.WriteAsync();
        return scenario;
    }

    public CostLedger Ledger() => new(harness.Get<IDbContextFactory<TunerDbContext>>(), prices, clock, NullLogger<CostLedger>.Instance);

    public SweepCosts Costs() => new(harness.Get<IDbContextFactory<TunerDbContext>>(), harness.Get<SweepPlans>(), prices, clock);

    /// <summary>Tuner terminates instance A: it ends at 1,200 s.</summary>
    public async Task EndInstanceAsync()
    {
        await using var db = await harness.DbAsync();
        await db.CapacityInstances.Where(i => i.Id == Instance).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, CapacityInstanceState.Ended)
            .SetProperty(i => i.TerminateRequestedAt, At(1_190))
            .SetProperty(i => i.EndedAt, At(1_200)));
    }

    public async Task<List<CostEntry>> EntriesAsync()
    {
        await using var db = await harness.DbAsync();
        return await db.CostEntries.AsNoTracking().OrderBy(e => e.Machine).ThenBy(e => e.StartsAt).ThenBy(e => e.TrialRunId).ToListAsync();
    }

    private async Task WriteAsync()
    {
        await using var db = await harness.DbAsync();
        var trials = await db.Trials.Where(t => t.SweepId == sweepId).OrderBy(t => t.Number).ToListAsync();
        Trials = [.. trials.Select(t => t.Id)];
        (trials[0].Status, trials[0].FinishedAt) = (TrialStatus.Complete, At(660));
        (trials[1].Status, trials[1].FinishedAt) = (TrialStatus.Pruned, At(960));
        var instance = new CapacityInstance
        {
            Provider = "aws", Pool = "aws-test", LaunchToken = Guid.NewGuid().ToString(), InstanceId = InstanceId, InstanceType = "g4dn.xlarge",
            Zone = "us-east-1a", Market = CapacityMarket.Spot, GpuCount = 2, State = CapacityInstanceState.Running, HourlyPriceUsd = 0.18m,
            SweepId = sweepId, RequestedAt = At(-5), LaunchedAt = At(0), LastSeenAt = At(0),
        };
        db.CapacityInstances.Add(instance);
        db.Workers.AddRange(
            new Worker { Id = "w-a1", Host = "a", InstanceId = InstanceId, Queue = "aws-test", State = WorkerState.Active, StartedAt = At(30), LastHeartbeatAt = At(30) },
            new Worker { Id = "w-a2", Host = "a", InstanceId = InstanceId, Queue = "aws-test", State = WorkerState.Active, StartedAt = At(30), LastHeartbeatAt = At(30) },
            new Worker { Id = "w-h", Host = "h", InstanceId = null, Queue = "local", State = WorkerState.Lost, StartedAt = At(0), LastHeartbeatAt = At(450) });
        var runs = new[]
        {
            new TrialRun { TrialId = trials[0].Id, WorkerId = "w-a1", LeaseToken = 1, Outcome = TrialRunOutcome.Completed, StartedAt = At(60), EndedAt = At(660), EpochsTrained = 3 },
            new TrialRun { TrialId = trials[1].Id, WorkerId = "w-a2", LeaseToken = 1, Outcome = TrialRunOutcome.Pruned, StartedAt = At(360), EndedAt = At(960), EpochsTrained = 2 },
            new TrialRun { TrialId = trials[2].Id, WorkerId = "w-h", LeaseToken = 1, Outcome = TrialRunOutcome.Lost, StartedAt = At(100), EndedAt = At(400), EpochsTrained = 1 },
        };
        db.TrialRuns.AddRange(runs);
        foreach (var (trial, epochs) in new[] { (trials[0], 3), (trials[1], 2), (trials[2], 1) })
        {
            trial.LastEpoch = epochs;
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                db.TrialReports.Add(new TrialReport { TrialId = trial.Id, Epoch = epoch, Value = 0.5, MetricsJson = "{}", ReportedAt = At(100 * epoch) });
            }
        }

        // One GiB (compressed from 1.25 GiB), stored from 300 s: at 1,300 s it has been kept 1,000 s.
        db.Checkpoints.Add(new Checkpoint
        {
            TrialId = trials[2].Id, Epoch = 1, Key = "k", Uri = "file:///k", SizeBytes = 1L << 30, ContentBytes = 5L << 28, Compression = "brotli", LeaseToken = 1, State = CheckpointState.Live, CreatedAt = At(300),
        });
        await db.SaveChangesAsync();
        Instance = instance.Id;
        Runs = [.. runs.Select(r => r.Id)];
    }
}
