namespace Tuner.Trainer.Checkpoints;

/// <summary>What a store wrote: the object's URI, its size in bytes and the SHA-256 of its bytes (lowercase hex).</summary>
public sealed record StoredCheckpoint(string Uri, long SizeBytes, string Sha256);
