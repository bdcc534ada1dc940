using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>Where checkpoints live: a folder, or S3-compatible object storage (checked by <see cref="Checkpoints.CheckpointStores.Problems"/>).</summary>
public sealed class CheckpointOptions
{
    public const string DefaultS3Region = "us-east-1";

    /// <summary>Below <see cref="StorageOptions.Home"/> when unset.</summary>
    public const string DefaultFolder = "checkpoints";

    [ConfigurationKeyName("CHECKPOINTS")]
    [Setting("a folder, or `s3://bucket/prefix` for S3-compatible object storage (credentials: the AWS SDK's default chain)",
        Default = "$TUNER_HOME/" + DefaultFolder)]
    public string? Location { get; set; }

    [ConfigurationKeyName("S3_ENDPOINT")]
    [Setting("S3 endpoint override for MinIO, GCS's XML API or R2 (path-style addressing); unset: AWS S3")]
    public string? S3Endpoint { get; set; }

    [ConfigurationKeyName("S3_REGION")]
    [Setting("S3 signing region, and the AWS region when there is no endpoint override")]
    public string S3Region { get; set; } = DefaultS3Region;

    public const string DefaultCompression = "brotli";

    [ConfigurationKeyName("CHECKPOINT_COMPRESSION")]
    [Setting("`brotli`: workers store checkpoints byte-shuffled and Brotli-compressed (14–22 % smaller on the examples, docs/costs.md); `none`: as the workload wrote them. Either is read back", Default = DefaultCompression)]
    public string Compression { get; set; } = DefaultCompression;

    [ConfigurationKeyName("CHECKPOINT_KEPT_STORAGE_CLASS")]
    [Setting("S3 storage class that a finished sweep's kept checkpoints (its best complete trials') move to: `STANDARD_IA`, `ONEZONE_IA`, `INTELLIGENT_TIERING` or `GLACIER_IR`; unset: they stay in STANDARD (docs/costs.md)")]
    public string? KeptStorageClass { get; set; }
}
