namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>The options of <see cref="MnistMlpWorkload"/>: how many training and validation images to use (null: all).</summary>
internal sealed record MnistMlpOptions(int? TrainSamples, int? ValidationSamples, IReadOnlyList<string> Problems);
