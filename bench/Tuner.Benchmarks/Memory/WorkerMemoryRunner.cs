using Tuner.Trainer;
using Tuner.Trainer.Workloads.MnistMlp;
using Tuner.Workloads;

namespace Tuner.Benchmarks.Memory;

/// <summary>
/// Runs mnist-mlp trials one after another in this process, as one `tuner worker` does, and records its resident
/// memory after each. Trial i draws its hyperparameters from the example sweep's space (examples/mnist-mlp.yaml) with
/// seed i; every fifth trial is preempted halfway through its first epoch and resumed from its checkpoint, as a
/// worker resumes a trial handed back by another.
/// </summary>
internal static class WorkerMemoryRunner
{
    public static async Task<WorkerMemoryResult> RunAsync(
        string dataDirectory, int trials, int trainSamples, int epochs, int threads, TextWriter progress)
    {
        var environment = new TrainingEnvironment(dataDirectory, threads);
        var workload = new MnistMlpWorkload();
        var options = new Dictionary<string, object> { ["train_samples"] = (long)trainSamples, ["validation_samples"] = (long)Math.Min(trainSamples, 6_000) };
        ProcessMemory afterFirst = default, now = default;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < trials; i++)
        {
            var spec = new TrialSpec(MnistMlpWorkload.Name, Configuration(i), options, epochs, Seed: i);
            using var host = new MemoryTrialHost();
            if (i % 5 == 4) host.PreemptAfterBatches = (trainSamples / (int)spec.Params["batch_size"] + 1) / 2;
            var outcome = await TrialRunner.RunAsync(workload, spec, CheckpointPolicy.Default, environment, host, host.Preemption.Token);
            if (outcome.Kind == TrialOutcomeKind.Preempted)
            {
                host.NextRun();
                outcome = await TrialRunner.RunAsync(workload, spec, CheckpointPolicy.Default, environment, host, host.Preemption.Token);
            }
            if (outcome.Kind != TrialOutcomeKind.Completed)
                throw new InvalidOperationException($"trial {i} ended {outcome.Kind}, expected Completed");
            now = ProcessMemory.Read();
            if (i == 0) afterFirst = now;
            var (inUse, heldFree) = NativeHeap.Read();
            await progress.WriteLineAsync(FormattableString.Invariant(
                $"trial {i + 1}/{trials} ({Describe(spec.Params)}): rss {ProcessMemory.MiB(now.ResidentBytes)} MiB, peak {ProcessMemory.MiB(now.PeakResidentBytes)} MiB; malloc in use {ProcessMemory.MiB(inUse)} MiB, held free {ProcessMemory.MiB(heldFree)} MiB; managed heap {ProcessMemory.MiB(GC.GetGCMemoryInfo().HeapSizeBytes)} MiB"));
        }
        return new WorkerMemoryResult(
            trials, trainSamples, epochs,
            ProcessMemory.MiB(afterFirst.ResidentBytes), ProcessMemory.MiB(afterFirst.PeakResidentBytes),
            ProcessMemory.MiB(now.PeakResidentBytes), ProcessMemory.MiB(now.ResidentBytes),
            Math.Round((double)now.ResidentBytes / afterFirst.PeakResidentBytes, 3),
            Math.Round(started.Elapsed.TotalSeconds, 1), Math.Round(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, 1));
    }

    private static string Describe(IReadOnlyDictionary<string, object> p) => FormattableString.Invariant(
        $"{p["optimizer"]}, batch {p["batch_size"]}, {p["hidden_layers"]}×{p["hidden_units"]}");

    /// <summary>The example sweep's space, drawn uniformly (log-uniformly where the example says log).</summary>
    public static Dictionary<string, object> Configuration(int trial)
    {
        var random = new Random(trial);
        double LogUniform(double low, double high) => Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));
        var optimizer = random.Next(2) == 0 ? "adam" : "sgd";
        var parameters = new Dictionary<string, object>
        {
            ["learning_rate"] = LogUniform(1e-4, 1e-1),
            ["batch_size"] = new[] { 64, 128, 256 }[random.Next(3)],
            ["hidden_units"] = (int)Math.Round(LogUniform(32, 512)),
            ["hidden_layers"] = 1 + random.Next(2),
            ["dropout"] = random.NextDouble() * 0.5,
            ["optimizer"] = optimizer,
            ["weight_decay"] = LogUniform(1e-6, 1e-3),
        };
        if (optimizer == "sgd") parameters["momentum"] = 0.5 + random.NextDouble() * 0.49;
        return parameters;
    }
}
