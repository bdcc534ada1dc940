namespace Tuner.Trainer.Workloads;

/// <summary>A model, its optimizer and its data, ready to train batch by batch. Every step is a pure function of the
/// state and the (epoch, batch) position, so a session restored from <see cref="SaveState"/> continues exactly.</summary>
public interface ITrainingSession : IDisposable
{
    int BatchesPerEpoch { get; }

    /// <summary>Trains on batch <paramref name="batch"/> (0-based) of epoch <paramref name="epoch"/> (0-based).</summary>
    BatchResult TrainBatch(int epoch, int batch);

    /// <summary>Metrics on the validation split, at least "val_accuracy" and "val_loss".</summary>
    IReadOnlyDictionary<string, double> Validate();

    /// <summary>Accuracy on the test set, which training never sees.</summary>
    double TestAccuracy();

    /// <summary>Writes the model and optimizer state.</summary>
    void SaveState(Stream destination);

    /// <summary>Restores what <see cref="SaveState"/> wrote.</summary>
    void LoadState(Stream source);
}
