namespace Tuner.Trainer.Checkpoints.S3;

/// <summary>What was stored: the object's URI, its size and the SHA-256 of its bytes (lowercase hex).</summary>
public sealed record CheckpointObject(string Uri, long SizeBytes, string Sha256);
