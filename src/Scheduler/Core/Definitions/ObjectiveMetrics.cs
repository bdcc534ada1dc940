using Tuner.Search;

namespace Tuner.Core.Definitions;

/// <summary>The metrics a trial reports after each epoch, and the direction each is optimised in by default.</summary>
public static class ObjectiveMetrics
{
    public const string ValAccuracy = "val_accuracy";
    public const string ValLoss = "val_loss";
    public const string TrainLoss = "train_loss";

    public static IReadOnlyList<string> Known { get; } = [ValAccuracy, ValLoss, TrainLoss];

    /// <summary>Maximize for accuracy, minimize for losses.</summary>
    public static StudyDirection DefaultDirection(string metric) =>
        metric == ValAccuracy ? StudyDirection.Maximize : StudyDirection.Minimize;
}
