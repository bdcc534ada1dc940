namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>What a tabular model predicts: a class (cross-entropy loss) or a number (squared-error loss).</summary>
public enum TabularTask
{
    Classification,
    Regression,
}
