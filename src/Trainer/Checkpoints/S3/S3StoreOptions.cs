namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>How <see cref="S3CheckpointStore"/> reaches its storage and splits uploads.</summary>
/// <param name="ServiceUrl">Endpoint override for MinIO, GCS's XML API, R2 or a test server; null for AWS.</param>
/// <param name="Region">Signing region (and AWS region when <paramref name="ServiceUrl"/> is null).</param>
/// <param name="MultipartThresholdBytes">Objects larger than this go up as multipart uploads.</param>
/// <param name="PartSizeBytes">Size of every multipart part but the last (S3 needs at least 5 MiB).</param>
public sealed record S3StoreOptions(
    string? ServiceUrl = null,
    string Region = "us-east-1",
    long MultipartThresholdBytes = 16 * S3StoreOptions.MiB,
    long PartSizeBytes = 8 * S3StoreOptions.MiB)
{
    public const long MiB = 1024 * 1024;
    public const long MinPartSizeBytes = 5 * MiB;
    public const long MaxPartSizeBytes = 512 * MiB;

    /// <summary>Throws one <see cref="ArgumentException"/> that lists every problem, or returns this.</summary>
    public S3StoreOptions Validate()
    {
        var problems = new List<string>();
        if (ServiceUrl is not null && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
            problems.Add($"ServiceUrl must be an absolute URL, but got ServiceUrl='{ServiceUrl}'");
        if (string.IsNullOrWhiteSpace(Region))
            problems.Add($"Region must not be empty, but got Region='{Region}'");
        if (MultipartThresholdBytes < 0)
            problems.Add($"MultipartThresholdBytes must be at least 0, but got MultipartThresholdBytes={MultipartThresholdBytes}");
        if (PartSizeBytes is < MinPartSizeBytes or > MaxPartSizeBytes)
            problems.Add($"PartSizeBytes must be between {MinPartSizeBytes} and {MaxPartSizeBytes}, but got PartSizeBytes={PartSizeBytes}");
        if (problems.Count > 0) throw new ArgumentException($"invalid S3 store options: {string.Join("; ", problems)}");
        return this;
    }
}
