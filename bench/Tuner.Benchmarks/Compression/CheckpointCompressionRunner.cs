using System.Diagnostics;
using Tuner.Trainer;
using Tuner.Workloads;

namespace Tuner.Benchmarks.Compression;

/// <summary>
/// Trains one trial of a workload through <see cref="TrialRunner"/> (seed 0, default hyperparameters, one TorchSharp
/// thread, <see cref="CheckpointPolicy.Default"/>: a checkpoint at the end of every epoch), keeps every checkpoint it
/// writes, then measures <see cref="Tuner.Trainer.Checkpoints.Compression.CheckpointCodec"/> on each. One progress line
/// per checkpoint goes to <c>progress</c>.
/// </summary>
internal static class CheckpointCompressionRunner
{
    public static async Task<CheckpointCompressionResult> RunAsync(
        string name, string dataDirectory, int epochs, int trainSamples, TextWriter progress, CancellationToken ct)
    {
        var workload = CompressionWorkloads.Create(name);
        var options = new Dictionary<string, object>
        {
            ["train_samples"] = (long)trainSamples,
            ["validation_samples"] = (long)Math.Min(trainSamples, 2_000),
        };
        var spec = new TrialSpec(workload.Kind, new Dictionary<string, object>(), options, epochs, Seed: 0);
        var recorder = new CheckpointRecorder();
        var started = Stopwatch.GetTimestamp();
        var outcome = await TrialRunner.RunAsync(workload, spec, CheckpointPolicy.Default, new TrainingEnvironment(dataDirectory), recorder, ct);
        var trainSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (outcome.Kind != TrialOutcomeKind.Completed || recorder.Checkpoints.Count == 0)
            throw new InvalidOperationException($"{name}: the trial ended {outcome.Kind} with {recorder.Checkpoints.Count} checkpoints, expected Completed with at least one");

        var measured = new List<CodecMeasurement>();
        foreach (var (checkpoint, index) in recorder.Checkpoints.Select((c, i) => (c, i + 1)))
        {
            var label = $"{name} checkpoint {index}/{recorder.Checkpoints.Count} ({checkpoint.Position})";
            var m = await CodecTimer.MeasureAsync(checkpoint.Content, label, ct);
            measured.Add(m);
            await progress.WriteLineAsync(FormattableString.Invariant(
                $"{label}: {m.ContentBytes} → {m.StoredBytes} bytes, saved {m.SavedPercent:F2} %; fastest encode {m.EncodeMs:F2} ms ({m.EncodeMbPerSecond:F0} MB/s, median {m.EncodeMedianMs:F2} ms), fastest decode {m.DecodeMs:F2} ms ({m.DecodeMbPerSecond:F0} MB/s, median {m.DecodeMedianMs:F2} ms); decoded bytes identical"));
        }
        return CheckpointCompressionResult.Of(name, epochs, trainSamples, measured, trainSeconds);
    }
}
