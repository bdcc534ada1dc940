namespace Tuner.Scheduling.Sweeps;

/// <summary>A stored sweep definition that does not read on this machine: most often its plugin, which loaded where
/// the sweep was submitted, does not load here (a worker built with another contract or TorchSharp version, a bundle
/// gone from the store). A trial that meets it ends Failed with this message.</summary>
public sealed class SweepPlanException(string message) : Exception(message);
