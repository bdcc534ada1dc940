namespace Tuner.Benchmarks.Latency;

/// <summary>The line of the latency command: ask times against a history of <paramref name="History"/> finished trials.</summary>
public sealed record LatencyResult(string Sampler, int Dims, int History, double AskMsMedian, double AskMsP99);
