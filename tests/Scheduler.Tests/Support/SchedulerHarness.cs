using Tuner.TestSupport.Sweeps;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduling.Orchestration;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Settings;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;
using Tuner.TestSupport.Hangfire;

namespace Tuner.Scheduler.Tests.Support;

/// <summary>
/// The scheduler's services in this process, built by <see cref="TunerServices.AddTunerCore"/> on a fresh, migrated
/// database of the test PostgreSQL cluster, with a temporary checkpoint folder. Jobs are enqueued into Hangfire's real
/// PostgreSQL storage, but no Hangfire server runs them: tests drive the steps themselves.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private SchedulerHarness(ServiceProvider services, TunerSettings settings, string connectionString)
    {
        this.services = services;
        Settings = settings;
        ConnectionString = connectionString;
    }

    public TunerSettings Settings { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => services;

    public static async Task<SchedulerHarness> StartAsync(PostgresServerFixture postgres, string prefix) =>
        await StartAsync(await postgres.CreateDatabaseAsync(prefix));

    /// <param name="connectionString">An empty database, migrated here.</param>
    /// <param name="leaseDuration">TUNER_LEASE_SECONDS; null: the default.</param>
    public static async Task<SchedulerHarness> StartAsync(string connectionString, TimeSpan? leaseDuration = null)
    {
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);
        var home = Directory.CreateTempSubdirectory("tuner-it-").FullName;
        var settings = new TunerSettings
        {
            Home = home,
            DatabaseUrl = connectionString,
            CheckpointRoot = Path.Combine(home, "checkpoints"),
            DataDirectory = RepositoryPaths.MnistDirectory,
        };
        if (leaseDuration is { } lease) settings = settings with { LeaseDuration = lease };
        var services = new ServiceCollection().AddSingleton(HangfireProcessLogging.Factory).AddLogging().AddTunerCore(settings, connectionString)
            .BuildServiceProvider();

        // Hangfire.AspNetCore hands out JobStorage.Current, a process-wide value set when the storage is first resolved:
        // resolve it now, so two harnesses alive at once each keep their own database.
        _ = services.GetRequiredService<IBackgroundJobClient>();
        HangfireProcessLogging.Pin();
        return new SchedulerHarness(services, settings, connectionString);
    }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public Task<TunerDbContext> DbAsync() =>
        services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync();

    /// <summary>A reconciler as `tuner server` runs it, on this harness's services (called directly, not as a hosted loop).</summary>
    public Reconciler CreateReconciler() => ActivatorUtilities.CreateInstance<Reconciler>(services);

    /// <summary>Stores the definition as POST /api/sweeps does and runs the first orchestration pass; returns the sweep id.</summary>
    public async Task<long> SubmitAsync(string definitionText)
    {
        var parsed = DefinitionReading.Parse(definitionText);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Problems));
        var sweep = await Get<SweepSubmission>().SubmitAsync(parsed.Definition, definitionText, CancellationToken.None);
        await OrchestrateAsync(sweep.Id);
        return sweep.Id;
    }

    public Task OrchestrateAsync(long sweepId) => Get<SweepOrchestrator>().OrchestrateAsync(sweepId, CancellationToken.None);

    public async Task<Sweep> SweepAsync(long sweepId)
    {
        await using var db = await DbAsync();
        return await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweepId);
    }

    public async Task<List<Trial>> TrialsAsync(long sweepId)
    {
        await using var db = await DbAsync();
        return await db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId).OrderBy(t => t.Number).ToListAsync();
    }

    /// <summary>Ends trial <paramref name="number"/> of the sweep Complete with <paramref name="value"/>, as if it had
    /// trained (the orchestrator counts states; tests that need real runs use a worker).</summary>
    public async Task CompleteTrialAsync(long sweepId, int number, double value = 0.5)
    {
        await using var db = await DbAsync();
        await db.Trials.Where(t => t.SweepId == sweepId && t.Number == number)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TrialStatus.Complete).SetProperty(t => t.Value, value));
    }

    /// <summary>As if the trial's owner had stopped heartbeating a minute ago: its lease expiry (database clock) is in the past.</summary>
    public async Task ExpireLeaseAsync(long trialId)
    {
        await using var db = await DbAsync();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE tuner.trials SET lease_expires_at = now() - interval '1 minute' WHERE id = {trialId}");
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        try
        {
            Directory.Delete(Settings.Home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }
    }
}
