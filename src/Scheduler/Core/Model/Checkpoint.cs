namespace Tuner.Core.Model;

/// <summary>A checkpoint object in the store, recorded under the writer's fencing token.</summary>
public sealed class Checkpoint
{
    public long Id { get; set; }
    public long TrialId { get; set; }

    /// <summary>Epochs completed and batches done in the next epoch when the checkpoint was taken.</summary>
    public int Epoch { get; set; }
    public int Batch { get; set; }
    public required string Key { get; set; }
    public required string Uri { get; set; }

    /// <summary>Bytes in the store, the figure storage is billed on.</summary>
    public long SizeBytes { get; set; }

    /// <summary>Bytes the workload wrote, before compression; equal to <see cref="SizeBytes"/> when uncompressed.</summary>
    public long ContentBytes { get; set; }

    /// <summary>How the bytes are stored: null as the workload wrote them, "brotli" in Tuner.Trainer's CheckpointCodec
    /// format (TUNER_CHECKPOINT_COMPRESSION at the time of writing).</summary>
    public string? Compression { get; set; }

    /// <summary>The S3 storage class the object was moved to after its trial ended
    /// (TUNER_CHECKPOINT_KEPT_STORAGE_CLASS), since <see cref="StorageClassSince"/>; null: the store's default class.</summary>
    public string? StorageClass { get; set; }
    public DateTimeOffset? StorageClassSince { get; set; }

    /// <summary>SHA-256 of the object as written (lowercase hex), verified when a trial resumes from it.</summary>
    public string? Sha256 { get; set; }
    public long LeaseToken { get; set; }
    public CheckpointState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Why the checkpoint is <see cref="CheckpointState.Unusable"/>: missing, or its digest did not match.</summary>
    public string? Problem { get; set; }
}
