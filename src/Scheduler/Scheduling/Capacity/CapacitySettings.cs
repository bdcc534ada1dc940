using Tuner.Core.Settings;

namespace Tuner.Scheduling.Capacity;

/// <summary>How the scheduler launches workers, resolved from <see cref="DeploymentOptions"/> and <see cref="Local.LocalWorkerOptions"/> (see <see cref="Read"/>).</summary>
/// <param name="Deployment">The name put on every machine Tuner launches (TUNER_DEPLOYMENT); the
/// reconciler owns every instance carrying it.</param>
/// <param name="WorkerImage">The worker container image cloud machines run (TUNER_WORKER_IMAGE).</param>
/// <param name="WorkerDatabaseUrl">How workers reach PostgreSQL, when not as the scheduler does (TUNER_WORKER_DATABASE_URL).</param>
/// <param name="LocalMaxWorkers">Worker processes the local provider may start (TUNER_LOCAL_MAX_WORKERS; 0:
/// local pools are served by workers started elsewhere; `tuner run` sets it from --workers).</param>
public sealed record CapacitySettings(
    string Deployment,
    string? WorkerImage,
    string? WorkerDatabaseUrl,
    int LocalMaxWorkers)
{
    /// <summary>Names of variables whose values this process copies into cloud workers' environment
    /// (TUNER_WORKER_ENV, comma-separated), e.g. AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY for a GCS HMAC key. The values
    /// land in the startup script, which the cloud stores as instance metadata: pass only what workers need.</summary>
    public IReadOnlyList<string> WorkerEnvironment { get; init; } = [];

    /// <summary>The worker role's connection string, which the server makes at start (Tuner.Persistence.Access.WorkerDatabaseRole);
    /// null where the database user may not create roles. <see cref="WorkerDatabaseUrl"/> wins over it.</summary>
    public string? WorkerRoleDatabaseUrl { get; init; }

    /// <summary>Seed of the local spot market's random draws (TUNER_SPOT_MARKET_SEED); null: a fresh one per run.</summary>
    public int? SpotMarketSeed { get; init; }

    /// <summary>How often the autoscaler looks at demand.</summary>
    public TimeSpan AutoscaleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a cloud provider's own instance list is read (local: every autoscaler pass).</summary>
    public TimeSpan CloudListInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sweep's trials may wait without any capacity before its events say so (workers started
    /// with it get this long to register).</summary>
    public TimeSpan CapacityWaitGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a launch may stay unconfirmed before its record is closed.</summary>
    public TimeSpan LaunchConfirmGrace { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Reads <see cref="DeploymentOptions"/> and <see cref="Local.LocalWorkerOptions"/>; problems go to <paramref name="reader"/>.</summary>
    public static CapacitySettings Read(SettingsReader reader)
    {
        var deployment = reader.Read<DeploymentOptions>();
        var local = reader.Read<Local.LocalWorkerOptions>();
        return new CapacitySettings(deployment.Deployment, deployment.WorkerImage, deployment.WorkerDatabaseUrl, local.MaxWorkers)
        {
            SpotMarketSeed = local.SpotMarketSeed,
            WorkerEnvironment = deployment.WorkerEnvironmentNames,
        };
    }
}
