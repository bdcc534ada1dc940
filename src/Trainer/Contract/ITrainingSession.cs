namespace Tuner.Workloads;

/// <summary>
/// A model, its optimizer and its data, ready to train batch by batch. Every step must be a pure function of the state
/// and the (epoch, batch) position, so that a session restored from <see cref="SaveState"/> continues exactly where the
/// saved one was: Tuner resumes a preempted trial this way and checks nothing else.
/// </summary>
public interface ITrainingSession : IDisposable
{
    /// <summary>Batches in one epoch; the same for every epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>Trains on batch <paramref name="batch"/> (0-based) of epoch <paramref name="epoch"/> (0-based).</summary>
    BatchResult TrainBatch(int epoch, int batch);

    /// <summary>Every metric of <see cref="IWorkload.Metrics"/> on the validation data.</summary>
    IReadOnlyDictionary<string, double> Validate();

    /// <summary>The same metrics on held-out test data that neither training nor validation sees, or null when the
    /// workload has none. Tuner reports it for the best trial's checkpoint.</summary>
    IReadOnlyDictionary<string, double>? Test();

    /// <summary>Writes the model and optimizer state (and anything else a step depends on).</summary>
    void SaveState(Stream destination);

    /// <summary>Restores what <see cref="SaveState"/> wrote. Throws <see cref="InvalidDataException"/> when the state
    /// does not fit this session's model.</summary>
    void LoadState(Stream source);
}
