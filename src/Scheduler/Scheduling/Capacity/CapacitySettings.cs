using System.Globalization;
using Tuner.Core;

namespace Tuner.Scheduling.Capacity;

/// <summary>How the scheduler launches workers, from the environment.</summary>
/// <param name="Deployment">The name put on every machine Tuner launches (TUNER_DEPLOYMENT, default "tuner"); the
/// reconciler owns every instance carrying it.</param>
/// <param name="WorkerImage">The worker container image cloud machines run (TUNER_WORKER_IMAGE).</param>
/// <param name="WorkerDatabaseUrl">How workers reach PostgreSQL, when not as the scheduler does (TUNER_WORKER_DATABASE_URL).</param>
/// <param name="LocalMaxWorkers">Worker processes the local provider may start (TUNER_LOCAL_MAX_WORKERS, default 0:
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

    public static CapacitySettings FromEnvironment(Func<string, string?> variable)
    {
        var deployment = variable("TUNER_DEPLOYMENT") is { Length: > 0 } d ? d : "tuner";
        if (!System.Text.RegularExpressions.Regex.IsMatch(deployment, "^[a-z][a-z0-9-]{0,39}$"))
        {
            throw new SettingsException(
                $"TUNER_DEPLOYMENT must be 1-40 lowercase letters, digits or '-', starting with a letter (it becomes a GCE label), but got '{deployment}'");
        }

        var maxText = variable("TUNER_LOCAL_MAX_WORKERS");
        var max = 0;
        if (!string.IsNullOrWhiteSpace(maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max > 256))
        {
            throw new SettingsException($"TUNER_LOCAL_MAX_WORKERS must be a whole number from 0 to 256, but got '{maxText}'");
        }

        var seedText = variable("TUNER_SPOT_MARKET_SEED");
        int? seed = null;
        if (!string.IsNullOrWhiteSpace(seedText))
        {
            seed = int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new SettingsException($"TUNER_SPOT_MARKET_SEED must be a whole number, but got '{seedText}'");
        }

        var passed = (variable("TUNER_WORKER_ENV") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (passed.FirstOrDefault(n => !System.Text.RegularExpressions.Regex.IsMatch(n, "^[A-Za-z_][A-Za-z0-9_]*$")) is { } bad)
        {
            throw new SettingsException($"TUNER_WORKER_ENV must list variable names separated by commas, but got '{bad}'");
        }

        return new CapacitySettings(deployment, NullIfEmpty(variable("TUNER_WORKER_IMAGE")), NullIfEmpty(variable("TUNER_WORKER_DATABASE_URL")), max)
        {
            SpotMarketSeed = seed,
            WorkerEnvironment = passed,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
