namespace Tuner.Workloads;

/// <summary>What the machine offers a trial: a directory for data sets (shared by trials on the machine, so data
/// downloaded or converted once is reused), how many CPU threads TorchSharp may use, and the device to train on.</summary>
/// <param name="DataDirectory">Where workloads keep their data; exists and is writable.</param>
/// <param name="Threads">CPU threads for TorchSharp's intra-op parallelism; at least 1.</param>
public sealed record TrainingEnvironment(string DataDirectory, int Threads = 1)
{
    /// <summary>"cpu" (deterministic) or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Measures epoch durations; tests give a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
