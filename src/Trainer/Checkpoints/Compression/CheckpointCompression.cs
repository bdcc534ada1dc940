namespace Tuner.Trainer.Checkpoints.Compression;

/// <summary>How a checkpoint's bytes are stored (TUNER_CHECKPOINT_COMPRESSION).</summary>
public enum CheckpointCompression
{
    /// <summary>As the workload wrote them.</summary>
    None,

    /// <summary>
    /// <see cref="ByteShuffle"/> in 4-byte lanes, then Brotli at quality 1 (<see cref="CheckpointCodec"/>): about a fifth
    /// smaller for float32 weights at over 300 MB/s on one core, so even a GB checkpoint is compressed well inside a
    /// spot notice.
    /// </summary>
    Brotli,
}
