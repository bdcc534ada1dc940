namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// The metrics tabular-mlp reports. Classification: <c>val_accuracy</c>, <c>val_auc</c> (binary ROC AUC of the second
/// class's probability, classes in ordinal order; with more classes the macro average of one-vs-rest AUCs),
/// <c>val_log_loss</c> (mean negative log-probability of the true class) and <c>val_loss</c> (the same log-loss).
/// Regression: <c>val_rmse</c> and <c>val_mae</c> in the target's own units, and <c>val_loss</c>, the mean squared
/// error in standardized units (the error divided by the training split's standard deviation of the target), the
/// units of the training loss.
/// </summary>
public static class TabularMetrics
{
    public const string Accuracy = "val_accuracy";
    public const string Auc = "val_auc";
    public const string LogLoss = "val_log_loss";
    public const string Rmse = "val_rmse";
    public const string Mae = "val_mae";
    public const string Loss = "val_loss";

    /// <summary>Classification metrics from the model's log-probabilities (row-major rows × <paramref name="classes"/>).
    /// A row's prediction is its most probable class (the first on a tie).</summary>
    public static IReadOnlyDictionary<string, double> Classification(IReadOnlyList<double> logProbabilities, IReadOnlyList<long> labels, int classes)
    {
        var correct = 0;
        var logLoss = 0.0;
        for (var row = 0; row < labels.Count; row++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
                if (logProbabilities[row * classes + c] > logProbabilities[row * classes + best]) best = c;
            if (best == labels[row]) correct++;
            logLoss -= logProbabilities[row * classes + (int)labels[row]];
        }
        logLoss /= labels.Count;
        var probabilities = logProbabilities.Select(Math.Exp).ToArray();
        var auc = classes == 2
            ? RocAuc.Binary(labels.Select((_, row) => probabilities[row * 2 + 1]).ToArray(), labels.Select(label => label == 1).ToArray())
            : RocAuc.MacroOneVsRest(probabilities, labels, classes);
        return new Dictionary<string, double>
        {
            [Accuracy] = (double)correct / labels.Count, [Auc] = auc, [LogLoss] = logLoss, [Loss] = logLoss,
        };
    }

    /// <summary>Regression metrics from predictions and targets in the target's units; <paramref name="scale"/> is
    /// the training split's standard deviation of the target.</summary>
    public static IReadOnlyDictionary<string, double> Regression(IReadOnlyList<double> predictions, IReadOnlyList<double> targets, double scale)
    {
        double squared = 0, absolute = 0;
        for (var row = 0; row < targets.Count; row++)
        {
            var error = predictions[row] - targets[row];
            squared += error * error;
            absolute += Math.Abs(error);
        }
        var meanSquared = squared / targets.Count;
        return new Dictionary<string, double>
        {
            [Rmse] = Math.Sqrt(meanSquared), [Mae] = absolute / targets.Count, [Loss] = meanSquared / (scale * scale),
        };
    }
}
