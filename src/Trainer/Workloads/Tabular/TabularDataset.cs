namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>A trial's data, encoded: the training, validation and (optional) test rows as model inputs, with what the
/// session needs to train and score them.</summary>
/// <param name="Classes">Class labels in output order (empty for regression).</param>
/// <param name="ClassWeights">Balanced weights, training rows / (classes × the class's training rows), in class order
/// (empty for regression).</param>
/// <param name="TargetMean">Regression: the training split's mean target (0 for classification).</param>
/// <param name="TargetScale">Regression: the training split's standard deviation of the target, or 1 when it is
/// constant (1 for classification). The model predicts (target − mean) / scale.</param>
public sealed record TabularDataset(
    TabularTask Task,
    FeatureEncoder Encoder,
    IReadOnlyList<string> Classes,
    IReadOnlyList<double> ClassWeights,
    double TargetMean,
    double TargetScale,
    TabularPart Training,
    TabularPart Validation,
    TabularPart? Test)
{
    public int InputWidth => Encoder.InputNames.Count;

    /// <summary>The model's outputs: one logit per class, or one number.</summary>
    public int OutputWidth => Task == TabularTask.Classification ? Classes.Count : 1;
}

/// <summary>Encoded rows of one part of the data.</summary>
/// <param name="Source">The file the rows come from.</param>
/// <param name="Inputs">Row-major rows × input width.</param>
/// <param name="Labels">Class indices (classification; empty for regression).</param>
/// <param name="Targets">Targets in their own units (regression; empty for classification).</param>
public sealed record TabularPart(string Source, int Rows, float[] Inputs, long[] Labels, double[] Targets);
