namespace Tuner.Trainer.Checkpoints.Compression;

/// <summary>How a checkpoint's bytes are stored (TUNER_CHECKPOINT_COMPRESSION).</summary>
public enum CheckpointCompression
{
    /// <summary>As the workload wrote them.</summary>
    None,

    /// <summary>
    /// <see cref="ByteShuffle"/> in 4-byte lanes, then Brotli at quality 1 (<see cref="CheckpointCodec"/>): 14–22 %
    /// smaller on the examples' checkpoints at 200–380 MB/s on one core (docs/benchmarks.md), so even a GB checkpoint
    /// is compressed well inside a spot notice.
    /// </summary>
    Brotli,
}
