using System.Text.RegularExpressions;
using Tuner.Core.Costs;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Checkpoints.S3;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// The checkpoint store the settings name: <see cref="S3CheckpointStore"/> when TUNER_CHECKPOINTS is
/// <c>s3://bucket/prefix</c> (TUNER_S3_ENDPOINT as a path-style endpoint override, TUNER_S3_REGION, credentials from
/// the AWS SDK's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile or an instance role), otherwise a
/// <see cref="FileSystemCheckpointStore"/> on the folder.
/// </summary>
public static partial class CheckpointStores
{
    public static ICheckpointStore Create(TunerSettings settings)
    {
        var problems = Problems(settings);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"invalid checkpoint store settings: {string.Join("; ", problems)}");
        }

        if (!IsS3(settings.CheckpointRoot))
        {
            return new FileSystemCheckpointStore(settings.CheckpointRoot);
        }

        var options = OptionsOf(settings);
        return new S3CheckpointStore(
            S3CheckpointStore.CreateClient(options), S3Location.Parse(settings.CheckpointRoot), options);
    }

    /// <summary>Every problem with the checkpoint settings, each naming the variable, the rule and the value.</summary>
    public static IReadOnlyList<string> Problems(TunerSettings settings)
    {
        var problems = new List<string>();
        var location = settings.CheckpointRoot;
        if (IsS3(location))
        {
            try
            {
                S3Location.Parse(location);
            }
            catch (FormatException e)
            {
                problems.Add($"TUNER_CHECKPOINTS: {e.Message}");
            }
        }
        else if (string.IsNullOrWhiteSpace(location) || location.Contains("://", StringComparison.Ordinal))
        {
            problems.Add("TUNER_CHECKPOINTS must be a folder or s3://bucket/prefix (GCS and R2 through their S3 APIs " +
                         $"with TUNER_S3_ENDPOINT), but got '{location}'");
        }
        else if (settings.S3Endpoint is not null)
        {
            problems.Add($"TUNER_S3_ENDPOINT is only used with TUNER_CHECKPOINTS=s3://bucket/prefix, but got TUNER_S3_ENDPOINT='{settings.S3Endpoint}' with the folder TUNER_CHECKPOINTS='{location}'");
        }

        if (settings.S3Endpoint is { } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add($"TUNER_S3_ENDPOINT must be an absolute http:// or https:// URL, but got '{endpoint}'");
        }

        if (settings.KeptStorageClass is { } storageClass)
        {
            var names = string.Join(", ", StorageClass.ForKeptCheckpoints.Select(c => c.Name));
            if (StorageClass.Named(storageClass) is null || storageClass == StorageClass.StandardName)
                problems.Add($"TUNER_CHECKPOINT_KEPT_STORAGE_CLASS must be one of {names}, but got '{storageClass}'");
            else if (!IsS3(location))
                problems.Add($"TUNER_CHECKPOINT_KEPT_STORAGE_CLASS needs S3 checkpoints (TUNER_CHECKPOINTS=s3://bucket/prefix), but TUNER_CHECKPOINTS is the folder '{location}'");
        }

        if (!RegionName().IsMatch(settings.S3Region))
        {
            problems.Add($"TUNER_S3_REGION must be a region name of lowercase letters, digits and '-' (such as us-east-1, or auto for R2), but got '{settings.S3Region}'");
        }

        return problems;
    }

    private static S3StoreOptions OptionsOf(TunerSettings settings) =>
        new(ServiceUrl: settings.S3Endpoint, Region: settings.S3Region);

    private static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionName();
}
