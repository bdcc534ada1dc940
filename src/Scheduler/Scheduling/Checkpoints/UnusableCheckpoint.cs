using Tuner.Core.Model;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>A checkpoint that failed verification on resume, and why ("missing from s3://…", "sha256 mismatch: …").</summary>
public sealed record UnusableCheckpoint(Checkpoint Checkpoint, string Problem);
