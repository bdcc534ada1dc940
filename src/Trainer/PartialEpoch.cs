using System.Text.Json.Serialization;

namespace Tuner.Trainer;

/// <summary>What the runner has accumulated inside the epoch in progress: the sum of batch losses weighted by batch
/// size, the samples seen, and the time spent so far (across preemptions).</summary>
public sealed record PartialEpoch(double TrainLossSum, long TrainSamples, TimeSpan Elapsed)
{
    public static PartialEpoch Empty { get; } = new(0, 0, TimeSpan.Zero);

    [JsonIgnore]
    public double TrainLoss => TrainSamples == 0 ? double.NaN : TrainLossSum / TrainSamples;
}
