using Tuner.Core.Settings;
using Tuner.Trainer.Checkpoints.Compression;
using Tuner.Workloads;

namespace Tuner.Scheduling.Settings;

/// <summary>
/// Where Tuner keeps its state and how its roles find each other, resolved from the options classes of each concern
/// (see <see cref="Read"/>; their defaults are written there), so one process can hand them to the workers it starts
/// (<see cref="ToEnvironment"/>).
/// </summary>
public sealed record TunerSettings
{
    /// <summary>Folder for the private PostgreSQL cluster, checkpoints and data (TUNER_HOME).</summary>
    public required string Home { get; init; }

    /// <summary>An existing PostgreSQL (Npgsql connection string, TUNER_DATABASE_URL); null starts the private cluster.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Port of the private cluster (TUNER_PG_PORT).</summary>
    public int LocalPostgresPort { get; init; } = StorageOptions.DefaultPostgresPort;

    /// <summary>
    /// Where checkpoints live (TUNER_CHECKPOINTS): a folder, or <c>s3://bucket/prefix</c> for
    /// S3-compatible object storage (see <see cref="Checkpoints.CheckpointStores"/>).
    /// </summary>
    public required string CheckpointRoot { get; init; }

    /// <summary>S3 endpoint override for MinIO, GCS's XML API or R2 (TUNER_S3_ENDPOINT); null for AWS S3.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>S3 signing region, and AWS region when there is no endpoint override (TUNER_S3_REGION).</summary>
    public string S3Region { get; init; } = DefaultS3Region;

    public const string DefaultS3Region = CheckpointOptions.DefaultS3Region;

    /// <summary>How workers store checkpoints (TUNER_CHECKPOINT_COMPRESSION).</summary>
    public CheckpointCompression CheckpointCompression { get; init; } = CheckpointCompression.Brotli;

    /// <summary>The S3 storage class for the checkpoints of complete trials (TUNER_CHECKPOINT_KEPT_STORAGE_CLASS); null
    /// leaves them in STANDARD.</summary>
    public string? KeptStorageClass { get; init; }

    /// <summary>Where training data lives (TUNER_DATA_DIR).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where `tuner server` listens (TUNER_URLS).</summary>
    public string Urls { get; init; } = ListenUrls.Default;

    /// <summary>The path a reverse proxy serves `tuner server` under (TUNER_PATH_BASE); null: the root.</summary>
    public string? PathBase { get; init; }

    /// <summary>How long a worker owns a trial without a heartbeat (TUNER_LEASE_SECONDS).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(LeaseOptions.DefaultLeaseSeconds);

    public TimeSpan HeartbeatInterval => LeaseDuration / 4;

    /// <summary>A worker whose heartbeat is older than this is gone (three lease durations: a live one beats four times
    /// per lease); the reconciler marks it Lost and it no longer counts as capacity.</summary>
    public TimeSpan WorkerSilenceLimit => LeaseDuration * 3;

    /// <summary>How often the reconciler looks for expired leases, lost jobs and stalled sweeps.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a fetched Hangfire job stays invisible to other workers without its worker's keep-alive
    /// (TUNER_JOB_INVISIBILITY_SECONDS; sliding, so a live worker keeps it for as long as the trial runs).
    /// </summary>
    public TimeSpan JobInvisibilityTimeout { get; init; } = TimeSpan.FromSeconds(LeaseOptions.DefaultJobInvisibilitySeconds);

    /// <summary>Threads TorchSharp may use in one worker (TUNER_THREADS).</summary>
    public int TrainingThreads { get; init; } = TrainingOptions.DefaultThreads;

    /// <summary>Where workers train (TUNER_DEVICE): "cpu" (the default; deterministic) or "cuda" / "cuda:N", which
    /// needs a build with the CUDA backend (-p:TorchBackend=cuda, as the CUDA worker image is built).</summary>
    public string TrainingDevice { get; init; } = TrainingOptions.DefaultDevice;

    /// <summary>What a workload trains or scores with on this machine: the data folder, the threads and the device.</summary>
    public TrainingEnvironment TrainingEnvironment() => new(DataDirectory, TrainingThreads) { Device = TrainingDevice };

    /// <summary>
    /// Reads the settings every role shares (<see cref="StorageOptions"/>, <see cref="CheckpointOptions"/>,
    /// <see cref="ServerOptions"/>, <see cref="LeaseOptions"/>, <see cref="TrainingOptions"/>); problems go to
    /// <paramref name="reader"/>, which the caller throws once every setting it needs is read.
    /// </summary>
    /// <param name="homeOverride">--home, which wins over TUNER_HOME.</param>
    public static TunerSettings Read(SettingsReader reader, string? homeOverride = null)
    {
        var storage = reader.Read<StorageOptions>();
        var checkpoints = reader.Read<CheckpointOptions>();
        var server = reader.Read<ServerOptions>();
        var leases = reader.Read<LeaseOptions>();
        var training = reader.Read<TrainingOptions>();
        var home = Path.GetFullPath(homeOverride ?? storage.Home);
        var settings = new TunerSettings
        {
            Home = home,
            DatabaseUrl = storage.DatabaseUrl,
            LocalPostgresPort = storage.PostgresPort,
            CheckpointRoot = checkpoints.Location ?? Path.Combine(home, CheckpointOptions.DefaultFolder),
            S3Endpoint = checkpoints.S3Endpoint,
            S3Region = checkpoints.S3Region,
            CheckpointCompression = CompressionOf(checkpoints.Compression, reader),
            KeptStorageClass = checkpoints.KeptStorageClass?.Trim(),
            DataDirectory = training.DataDirectory ?? Path.Combine(home, TrainingOptions.DefaultDataFolder),
            Urls = server.Urls,
            PathBase = string.IsNullOrWhiteSpace(server.PathBase) ? null : server.PathBase,
            LeaseDuration = TimeSpan.FromSeconds(leases.LeaseSeconds),
            TrainingThreads = training.Threads,
            TrainingDevice = training.NormalizedDevice,
            JobInvisibilityTimeout = TimeSpan.FromSeconds(leases.JobInvisibilitySeconds),
        };
        reader.Add(server.Problems());
        reader.Add(Checkpoints.CheckpointStores.Problems(settings));
        return settings;
    }

    private static CheckpointCompression CompressionOf(string text, SettingsReader reader)
    {
        if (Enum.TryParse<CheckpointCompression>(text.Trim(), ignoreCase: true, out var compression) && !int.TryParse(text, out _))
            return compression;
        reader.Add([$"TUNER_CHECKPOINT_COMPRESSION must be brotli or none, but got '{text}'"]);
        return CheckpointCompression.Brotli;
    }

    /// <summary>
    /// The environment a child worker needs to join this process's database and stores. S3 credentials are not in it:
    /// children inherit AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or a profile, or an instance role) from the environment.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToEnvironment(string databaseUrl)
    {
        var environment = BaseEnvironment(databaseUrl);
        environment["TUNER_S3_REGION"] = S3Region;
        if (S3Endpoint is not null)
        {
            environment["TUNER_S3_ENDPOINT"] = S3Endpoint;
        }

        return environment;
    }

    private Dictionary<string, string> BaseEnvironment(string databaseUrl) => new()
    {
        ["TUNER_HOME"] = Home,
        ["TUNER_DATABASE_URL"] = databaseUrl,
        ["TUNER_CHECKPOINTS"] = CheckpointRoot,
        ["TUNER_CHECKPOINT_COMPRESSION"] = CheckpointCompression.ToString().ToLowerInvariant(),
        ["TUNER_DATA_DIR"] = DataDirectory,
        ["TUNER_LEASE_SECONDS"] = ((int)LeaseDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TUNER_THREADS"] = TrainingThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TUNER_DEVICE"] = TrainingDevice,
        ["TUNER_JOB_INVISIBILITY_SECONDS"] = ((int)JobInvisibilityTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
