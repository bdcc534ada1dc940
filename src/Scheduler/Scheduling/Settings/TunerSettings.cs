using Tuner.Core;

namespace Tuner.Scheduling.Settings;

/// <summary>
/// Where Tuner keeps its state and how its roles find each other. Every value has a local default, and each can be
/// set by an environment variable (see <see cref="FromEnvironment"/>), so one process can hand them to the workers it starts.
/// </summary>
public sealed record TunerSettings
{
    /// <summary>Folder for the private PostgreSQL cluster, checkpoints and data (TUNER_HOME, default ./.tuner).</summary>
    public required string Home { get; init; }

    /// <summary>An existing PostgreSQL (Npgsql connection string, TUNER_DATABASE_URL); null starts the private cluster.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Port of the private cluster (TUNER_PG_PORT).</summary>
    public int LocalPostgresPort { get; init; } = 55432;

    /// <summary>
    /// Where checkpoints live (TUNER_CHECKPOINTS, default HOME/checkpoints): a folder, or <c>s3://bucket/prefix</c> for
    /// S3-compatible object storage (see <see cref="Checkpoints.CheckpointStores"/>).
    /// </summary>
    public required string CheckpointRoot { get; init; }

    /// <summary>S3 endpoint override for MinIO, GCS's XML API or R2 (TUNER_S3_ENDPOINT); null for AWS S3.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>S3 signing region, and AWS region when there is no endpoint override (TUNER_S3_REGION).</summary>
    public string S3Region { get; init; } = DefaultS3Region;

    public const string DefaultS3Region = "us-east-1";

    /// <summary>Where training data lives (TUNER_DATA_DIR, default HOME/data/mnist).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where `tuner server` listens (TUNER_URLS).</summary>
    public string Urls { get; init; } = ListenUrls.Default;

    /// <summary>How long a worker owns a trial without a heartbeat (TUNER_LEASE_SECONDS).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan HeartbeatInterval => LeaseDuration / 4;

    /// <summary>A worker whose heartbeat is older than this is gone (three lease durations: a live one beats four times
    /// per lease); the reconciler marks it Lost and it no longer counts as capacity.</summary>
    public TimeSpan WorkerSilenceLimit => LeaseDuration * 3;

    /// <summary>How often the reconciler looks for expired leases, lost jobs and stalled sweeps.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a fetched Hangfire job stays invisible to other workers without its worker's keep-alive
    /// (TUNER_JOB_INVISIBILITY_SECONDS, default 300; sliding, so a live worker keeps it for as long as the trial runs).
    /// </summary>
    public TimeSpan JobInvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Threads TorchSharp may use in one worker (TUNER_THREADS).</summary>
    public int TrainingThreads { get; init; } = 1;

    /// <summary>Where workers train (TUNER_DEVICE): "cpu" (the default; deterministic) or "cuda" / "cuda:N", which
    /// needs a build with the CUDA backend (-p:TorchBackend=cuda, as the CUDA worker image is built).</summary>
    public string TrainingDevice { get; init; } = "cpu";

    public static TunerSettings FromEnvironment(string? homeOverride = null)
    {
        var home = Path.GetFullPath(homeOverride ?? Environment.GetEnvironmentVariable("TUNER_HOME") ?? ".tuner");
        return new TunerSettings
        {
            Home = home,
            DatabaseUrl = ConnectionStringOrNull(Environment.GetEnvironmentVariable("TUNER_DATABASE_URL")),
            LocalPostgresPort = PortOr("TUNER_PG_PORT", 55432),
            CheckpointRoot = Environment.GetEnvironmentVariable("TUNER_CHECKPOINTS") ?? Path.Combine(home, "checkpoints"),
            S3Endpoint = NullIfEmpty(Environment.GetEnvironmentVariable("TUNER_S3_ENDPOINT")),
            S3Region = NullIfEmpty(Environment.GetEnvironmentVariable("TUNER_S3_REGION")) ?? DefaultS3Region,
            DataDirectory = Environment.GetEnvironmentVariable("TUNER_DATA_DIR") ?? Path.Combine(home, "data", "mnist"),
            Urls = ListenUrls.Validate(NullIfEmpty(Environment.GetEnvironmentVariable("TUNER_URLS")) ?? ListenUrls.Default, "TUNER_URLS"),
            LeaseDuration = TimeSpan.FromSeconds(IntOr("TUNER_LEASE_SECONDS", 20)),
            TrainingThreads = IntOr("TUNER_THREADS", 1),
            TrainingDevice = DeviceFrom(Environment.GetEnvironmentVariable("TUNER_DEVICE")),
            JobInvisibilityTimeout = TimeSpan.FromSeconds(IntOr("TUNER_JOB_INVISIBILITY_SECONDS", 300)),
        };
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
        ["TUNER_DATA_DIR"] = DataDirectory,
        ["TUNER_LEASE_SECONDS"] = ((int)LeaseDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TUNER_THREADS"] = TrainingThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TUNER_DEVICE"] = TrainingDevice,
        ["TUNER_JOB_INVISIBILITY_SECONDS"] = ((int)JobInvisibilityTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string DeviceFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "cpu";
        var device = text.Trim().ToLowerInvariant();
        return System.Text.RegularExpressions.Regex.IsMatch(device, "^(cpu|cuda(:[0-9]{1,2})?)$")
            ? device
            : throw new SettingsException($"TUNER_DEVICE must be cpu, cuda or cuda:N, but got '{text}'");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The value when Npgsql can read it; the error never repeats the value, which may hold a password.</summary>
    private static string? ConnectionStringOrNull(string? text)
    {
        if (NullIfEmpty(text) is not { } value) return null;
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return value;
        }
        catch (ArgumentException e)
        {
            throw new SettingsException(
                $"TUNER_DATABASE_URL must be an Npgsql connection string such as 'Host=db;Port=5432;Database=tuner;Username=tuner;Password=...', but Npgsql cannot read it ({e.Message.Split(" (Parameter")[0].TrimEnd('.')})");
        }
    }

    private static int IntOr(string variable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new SettingsException($"{variable} must be a positive whole number, but got '{text}'");
    }

    private static int PortOr(string variable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new SettingsException($"{variable} must be a TCP port from 1 to 65535, but got '{text}'");
    }
}
