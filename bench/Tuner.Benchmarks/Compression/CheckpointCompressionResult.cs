namespace Tuner.Benchmarks.Compression;

/// <summary>
/// The line of the checkpoint-compression command for one workload. <c>Last*</c> is the last checkpoint of the trial
/// (the most trained); the unprefixed figures are totals over all <paramref name="Checkpoints"/> checkpoints (bytes
/// summed, the saving of the summed bytes, times summed, throughput = summed content over summed time). Sizes in bytes,
/// times in milliseconds (the fastest of <see cref="CodecTimer.TimedRuns"/> runs), throughput in MB (10⁶ bytes) of
/// content per second;
/// <paramref name="TrainSeconds"/> is the wall time of training.
/// </summary>
public sealed record CheckpointCompressionResult(
    string Workload,
    int Epochs,
    int TrainSamples,
    int Checkpoints,
    long LastContentBytes,
    long LastStoredBytes,
    double LastSavedPercent,
    double LastEncodeMs,
    double LastDecodeMs,
    double LastEncodeMbPerS,
    double LastDecodeMbPerS,
    long ContentBytes,
    long StoredBytes,
    double SavedPercent,
    double EncodeMs,
    double DecodeMs,
    double EncodeMbPerS,
    double DecodeMbPerS,
    double TrainSeconds)
{
    internal static CheckpointCompressionResult Of(
        string workload, int epochs, int trainSamples, IReadOnlyList<CodecMeasurement> measured, double trainSeconds)
    {
        var last = measured[^1];
        var content = measured.Sum(m => m.ContentBytes);
        var stored = measured.Sum(m => m.StoredBytes);
        var encodeMs = measured.Sum(m => m.EncodeMs);
        var decodeMs = measured.Sum(m => m.DecodeMs);
        return new CheckpointCompressionResult(
            workload, epochs, trainSamples, measured.Count,
            last.ContentBytes, last.StoredBytes, Math.Round(last.SavedPercent, 2), Math.Round(last.EncodeMs, 3), Math.Round(last.DecodeMs, 3),
            Math.Round(last.EncodeMbPerSecond, 1), Math.Round(last.DecodeMbPerSecond, 1),
            content, stored, Math.Round(CodecMeasurement.Percent(content, stored), 2), Math.Round(encodeMs, 3), Math.Round(decodeMs, 3),
            Math.Round(CodecMeasurement.MbPerSecond(content, encodeMs), 1), Math.Round(CodecMeasurement.MbPerSecond(content, decodeMs), 1),
            Math.Round(trainSeconds, 1));
    }
}
