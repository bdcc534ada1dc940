using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Jobs.Display;

namespace Tuner.Jobs;

/// <summary>
/// Hangfire on PostgreSQL, configured for trials that run for hours on machines that can vanish.
/// </summary>
public static class HangfireSetup
{
    public const string OrchestratorQueue = "orchestrator";

    public const string SchemaName = "hangfire";

    /// <summary>Creates or upgrades Hangfire's tables with the schema owner's credential, as the storage would on first
    /// use, so the server can grant them to the worker role before any worker starts.</summary>
    public static void PrepareSchema(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        PostgreSqlObjectsInstaller.Install(connection, SchemaName);
    }

    /// <summary>
    /// Sliding invisibility keeps a running job invisible for as long as its worker lives, so a multi-hour trial is never
    /// fetched a second time (the default fixed 30 minutes would run it twice). A SIGKILLed worker's job would then stay
    /// invisible for up to <paramref name="invisibilityTimeout"/>, so Tuner does not wait for it: the trial's lease
    /// expires (seconds) and the reconciler enqueues a fresh job; the stale one, if it ever runs, finds the lease taken
    /// and does nothing.
    /// </summary>
    /// <param name="prepareSchema">Whether the storage creates or upgrades Hangfire's tables when first used: false for
    /// `tuner worker`, whose role may not (the server prepares them at start: <see cref="PrepareSchema"/>).</param>
    public static IServiceCollection AddTunerHangfire(
        this IServiceCollection services, string connectionString, TimeSpan? invisibilityTimeout = null, bool prepareSchema = true)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = prepareSchema,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = invisibilityTimeout ?? TimeSpan.FromSeconds(Tuner.Scheduling.Settings.LeaseOptions.DefaultJobInvisibilitySeconds),
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };

        // A trial job's details page links to the trial's page (Display/TrialPageLink; job names: Display/*JobNameAttribute).
        services.AddHangfire(configuration => TrialPageLink.Register(configuration)
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), storageOptions));
        return services;
    }
}
