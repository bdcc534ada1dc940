namespace Tuner.Benchmarks.Memory;

/// <summary>The line of the worker-memory command, in MiB: resident memory after the first trial and its peak so far,
/// the peak over all trials, resident memory after the last trial, and that over the peak after the first trial
/// (the target: at most 1.2); the wall time of the trials and the CPU time of the process.</summary>
public sealed record WorkerMemoryResult(
    int Trials,
    int TrainSamples,
    int Epochs,
    double RssAfterFirstMib,
    double PeakAfterFirstMib,
    double PeakMib,
    double RssAfterLastMib,
    double LastOverFirstPeak,
    double Seconds,
    double CpuSeconds);
