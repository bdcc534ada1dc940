namespace Tuner.Trainer;

/// <summary>What the machine offers a trial: where data sets live (downloaded there when missing) and how many CPU
/// threads TorchSharp may use. <see cref="Device"/> is "cpu" (deterministic) or "cuda".</summary>
public sealed record TrainingEnvironment(string DataDirectory, int Threads = 1)
{
    public string Device { get; init; } = "cpu";

    /// <summary>Measures epoch durations.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
