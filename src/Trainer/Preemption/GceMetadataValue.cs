namespace Tuner.Trainer.Preemption;

internal sealed record GceMetadataValue(string Text, string? ETag);
