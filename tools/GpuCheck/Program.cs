using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using Tuner.Tools.GpuCheck;
using Tuner.Trainer;
using Tuner.Trainer.Workloads;

// gpucheck <cpu|cuda> [--epochs N] [--threads N] [--data DIR] [-p name=value]...
// Trains mnist-mlp through TrialRunner on the given device; exits 0 when the last val_accuracy reaches MinAccuracy.
const double MinAccuracy = 0.9;
var options = CheckOptions.Parse(args, out var problems);
if (problems.Count > 0)
{
    problems.ForEach(p => Console.Error.WriteLine(p));
    Console.Error.WriteLine("usage: gpucheck <cpu|cuda> [--epochs N] [--threads N] [--data DIR] [-p name=value]...");
    return 2;
}

Console.WriteLine($"TorchSharp libtorch version (compiled for): {torch.__version__}");
Console.WriteLine($"cuda available: {torch.cuda.is_available()}");
if (options.Device == "cuda")
{
    if (!torch.cuda.is_available())
    {
        Console.Error.WriteLine("device must be available, but got device=cuda and torch.cuda.is_available()=false");
        return 3;
    }
    Console.WriteLine($"cuda devices: {torch.cuda.device_count()}, cudnn available: {torch.cuda.is_cudnn_available()}");
}

var workload = WorkloadCatalog.Find("mnist-mlp")!;
var spec = new TrialSpec(workload.Kind, options.Params, new WorkloadSettings(options.Epochs), Seed: 1);
var env = new TrainingEnvironment(options.DataDirectory, options.Threads) { Device = options.Device };
var host = new CheckHost(Console.Out);
Console.WriteLine($"training {workload.Kind} on {options.Device}, threads={options.Threads}, epochs={options.Epochs}, " +
                  $"params: {string.Join(", ", options.Params.Select(p => $"{p.Key}={p.Value}"))}");
var watch = Stopwatch.StartNew();
try
{
    var outcome = await TrialRunner.RunAsync(spec, env, host, CancellationToken.None);
    var total = watch.Elapsed;
    using var checkpoint = new MemoryStream(host.LatestCheckpoint!);
    var test = await workload.EvaluateTestAccuracyAsync(spec, env, checkpoint, CancellationToken.None);
    var accuracy = host.Reports[^1].Metrics["val_accuracy"];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{outcome.Kind} on {options.Device}: {outcome.EpochsTrained} epochs in {total.TotalSeconds:0.000} s, " +
        $"val_accuracy={accuracy:0.0000}, test_accuracy (reloaded checkpoint)={test:0.0000}"));
    if (accuracy >= MinAccuracy) return 0;
    Console.Error.WriteLine($"val_accuracy must reach {MinAccuracy}, but got val_accuracy={accuracy}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"training on {options.Device} failed: {e}");
    return 1;
}
