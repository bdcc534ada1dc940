using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Synthetic;

/// <summary>A synthetic trial's session: each batch waits its share of the step's time and reports the curve's value;
/// there is no model, so the state is a format marker and the epochs trained (what <see cref="Validate"/> scores after
/// a restore, as a model's weights would), and every value is a function of the position.</summary>
internal sealed class SyntheticSession(SyntheticCurve curve, int batches, TimeSpan stepTime) : ITrainingSession
{
    private const byte StateMarker = 0x53; // 'S'
    private readonly TimeSpan _batchTime = stepTime / batches;
    private int _epochsSeen;

    public int BatchesPerEpoch => batches;

    public BatchResult TrainBatch(int epoch, int batch)
    {
        if (_batchTime > TimeSpan.Zero) Thread.Sleep(_batchTime);
        _epochsSeen = epoch + 1;
        return new BatchResult(curve.At(epoch + 1), 1);
    }

    public IReadOnlyDictionary<string, double> Validate() => new Dictionary<string, double> { ["val_loss"] = curve.At(_epochsSeen) };

    public IReadOnlyDictionary<string, double>? Test() => null;

    public void SaveState(Stream destination)
    {
        destination.WriteByte(StateMarker);
        destination.Write(BitConverter.GetBytes(_epochsSeen));
    }

    public void LoadState(Stream source)
    {
        if (source.ReadByte() != StateMarker) throw new InvalidDataException("the checkpoint is not a synthetic trial's");
        // A state written before the epoch was saved is the marker alone: resuming sets the epoch as it trains.
        var epoch = new byte[sizeof(int)];
        _epochsSeen = source.ReadAtLeast(epoch, epoch.Length, throwOnEndOfStream: false) == epoch.Length ? BitConverter.ToInt32(epoch) : 0;
    }

    public void Dispose()
    {
    }
}
