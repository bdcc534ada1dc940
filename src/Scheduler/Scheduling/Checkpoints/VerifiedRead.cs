namespace Tuner.Scheduling.Checkpoints;

/// <summary>The outcome of reading a checkpoint back: its bytes, positioned at the start, or why they cannot be used.</summary>
public sealed record VerifiedRead(Stream? Content, string? Problem)
{
    public static VerifiedRead Usable(Stream content) => new(content, null);

    public static VerifiedRead Unusable(string problem) => new(null, problem);
}
