using Tuner.Scheduling.Costs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Tests.Capacity.Aws;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.Core.Capacity;
using Tuner.Scheduling.Settings;
using Tuner.TestSupport.Postgres;
using Microsoft.Extensions.Time.Testing;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity.Registry;

/// <summary>
/// The capacity registry as the scheduler builds it, by hand: a fresh PostgreSQL database (<see cref="SchedulerHarness"/>),
/// the real <see cref="AwsCapacityProvider"/> against the in-process EC2 fake, worker scripts for deployment "test" with
/// image example/worker:1 and checkpoints in s3://bucket/prefix, and a clock the test moves.
/// </summary>
internal sealed class RegistryHarness : IAsyncDisposable
{
    public const string Deployment = "test";
    public const string Image = "example/worker:1";
    public const string ObjectStore = "s3://bucket/prefix";

    private readonly List<IAsyncDisposable> _owned = [];

    private RegistryHarness(
        SchedulerHarness scheduler, AwsHarness aws, FakeTimeProvider clock, CapacitySettings capacity, CapacityRegistry registry, CapacityReconciler reconciler)
    {
        Reconciler = reconciler;
        Scheduler = scheduler;
        Aws = aws;
        Clock = clock;
        Capacity = capacity;
        Registry = registry;
    }

    public SchedulerHarness Scheduler { get; }
    public AwsHarness Aws { get; }
    public FakeTimeProvider Clock { get; }
    public CapacitySettings Capacity { get; }
    public CapacityRegistry Registry { get; }
    public CapacityReconciler Reconciler { get; }

    public static async Task<RegistryHarness> StartAsync(PostgresServerFixture postgres, string prefix, string checkpoints = ObjectStore)
    {
        var scheduler = await SchedulerHarness.StartAsync(postgres, prefix);
        var aws = await AwsHarness.StartAsync(AwsLaunchApi.Fleet);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var capacity = new CapacitySettings(Deployment, Image, null, 0) { WorkerRoleDatabaseUrl = "Host=db.internal;Username=tuner_worker_tuner;Password=worker" };
        var scripts = new WorkerScripts(scheduler.Settings with { CheckpointRoot = checkpoints }, capacity, scheduler.Get<DatabaseAddress>());
        var contexts = scheduler.Get<IDbContextFactory<TunerDbContext>>();
        var registry = new CapacityRegistry(contexts, Providers(aws), scripts, capacity, clock, NullLogger<CapacityRegistry>.Instance);
        var reconciler = new CapacityReconciler(contexts, scheduler.Get<ExpiredLeases>(), capacity, clock, NullLogger<CapacityReconciler>.Instance);
        return new RegistryHarness(scheduler, aws, clock, capacity, registry, reconciler);
    }

    public ICapacityProvider Provider => Aws.Provider;

    /// <summary>An autoscaler on the same registry, provider and clock, with no spending limit.</summary>
    public Autoscaler CreateAutoscaler()
    {
        var leadership = new AutoscalerLeadership(Scheduler.Get<DatabaseAddress>(), Clock, NullLogger<AutoscalerLeadership>.Instance);
        _owned.Add(leadership);
        var contexts = Scheduler.Get<IDbContextFactory<TunerDbContext>>();
        var availability = new CapacityAvailability(contexts, Providers(Aws), Capacity, Scheduler.Settings, Clock, NullLogger<CapacityAvailability>.Instance);
        return new Autoscaler(contexts, Registry, Reconciler, Providers(Aws), new NoLimit(),
            new PoolTypeChoice(contexts, Scheduler.Get<Tuner.Scheduling.Sweeps.SweepPlans>(), Clock), Capacity, leadership, availability, Clock, NullLogger<Autoscaler>.Instance);
    }

    /// <summary>Submits a sweep on the aws pool (its trials are created Waiting); returns the sweep id.</summary>
    public Task<long> SubmitAsync(int parallelism = 1, int maxInstances = 4, int spotFailures = 3) =>
        Scheduler.SubmitAsync(CloudSweeps.Aws(parallelism, maxInstances, spotFailures));

    public async Task<CapacityPool> PoolAsync(string name = CloudSweeps.Pool)
    {
        await using var db = await Scheduler.DbAsync();
        return await db.CapacityPools.AsNoTracking().SingleAsync(p => p.Name == name);
    }

    public async Task<List<CapacityInstance>> InstancesAsync()
    {
        await using var db = await Scheduler.DbAsync();
        return await db.CapacityInstances.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }

    public async Task<CapacityInstance> InstanceAsync(string instanceId) =>
        (await InstancesAsync()).Single(i => i.InstanceId == instanceId);

    public async Task<List<SweepEvent>> EventsAsync(long sweepId)
    {
        await using var db = await Scheduler.DbAsync();
        return await db.SweepEvents.AsNoTracking().Where(e => e.SweepId == sweepId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Launches one machine for the sweep's pool through the registry and returns its row.</summary>
    public async Task<CapacityInstance> LaunchAsync(long sweepId)
    {
        var result = await Registry.LaunchAsync(await PoolAsync(), [sweepId], CancellationToken.None);
        Assert.True(result.Launched, result.Refusal?.Message);
        return (await InstancesAsync()).Last();
    }

    public Task ReconcileAsync() => Reconciler.ReconcileAsync(Provider, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned) await owned.DisposeAsync();
        await Aws.DisposeAsync();
        await Scheduler.DisposeAsync();
    }

    private static CapacityProviders Providers(AwsHarness aws) => new([aws.Provider], new Dictionary<string, string>());
}

/// <summary>A launch budget that allows every launch: these tests are about the registry, not budgets.</summary>
file sealed class NoLimit : ILaunchBudget
{
    public Task<string?> WhyNotAsync(string pool, IReadOnlyList<long> sweepIds, CancellationToken ct) => Task.FromResult<string?>(null);
}
