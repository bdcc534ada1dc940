namespace Tuner.Trainer;

/// <summary>How long and on how much data a trial trains. <paramref name="TrainSamples"/> and
/// <paramref name="ValidationSamples"/> take prefixes of the training and validation parts (null: all of them).</summary>
public sealed record WorkloadSettings(
    int MaxEpochs,
    int CheckpointEveryEpochs = 1,
    int? TrainSamples = null,
    int? ValidationSamples = null)
{
    /// <summary>Problems with these settings, each naming the value and the rule; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxEpochs < 1) problems.Add($"max_epochs must be at least 1, but got max_epochs={MaxEpochs}");
        if (CheckpointEveryEpochs < 1)
            problems.Add($"checkpoint_every_epochs must be at least 1, but got checkpoint_every_epochs={CheckpointEveryEpochs}");
        if (TrainSamples < 1) problems.Add($"train_samples must be at least 1, but got train_samples={TrainSamples}");
        if (ValidationSamples < 1)
            problems.Add($"validation_samples must be at least 1, but got validation_samples={ValidationSamples}");
        return problems;
    }
}
