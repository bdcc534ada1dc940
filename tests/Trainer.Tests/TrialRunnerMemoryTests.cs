using Tuner.Workloads;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;
using static TorchSharp.torch;

namespace Tuner.Trainer.Tests;

/// <summary>A worker runs trial after trial in one process, so a run must dispose every tensor it creates: one left to
/// the garbage collector holds its native memory until a collection finalizes it, which a worker that allocates little
/// managed memory may put off for many trials (docs/benchmarks.md, "Worker memory").</summary>
public sealed class TrialRunnerMemoryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("adam")]
    [InlineData("sgd")]
    public async Task Run_KeepsTheNumberOfLiveTensorsConstantFromBatchToBatch_AcrossEpochsAndAResume(string optimizer)
    {
        var spec = SmallTrials.Spec(maxEpochs: 3, overrides: ("optimizer", optimizer));
        var store = new FileSystemCheckpointStore(_directory.Path);
        var first = new List<(TrainingPosition, long)>();
        var second = new List<(TrainingPosition, long)>();
        var preempted = new ScriptedTrialHost(store)
        {
            PreemptAfterBatches = SmallTrials.BatchesPerEpoch + 5,
            AfterBatch = position => first.Add((position, Tensor.TotalCount)),
        };
        var resumed = new ScriptedTrialHost(store) { AfterBatch = position => second.Add((position, Tensor.TotalCount)) };

        await RunAsync(spec, preempted);
        await RunAsync(spec, resumed);

        // Each run's first batch creates the gradients and the optimizer's state (a resumed SGD has its momentum
        // already), which live as long as the run; nothing else may outlive a batch, an epoch's end or a checkpoint.
        foreach (var run in new[] { first, second })
        {
            var expected = run[0].Item2;
            Assert.All(run, batch => Assert.Equal((batch.Item1, expected), batch));
        }
        Assert.Equal(SmallTrials.BatchesPerEpoch + 5, first.Count);
        Assert.Equal(2 * SmallTrials.BatchesPerEpoch - 5, second.Count);
    }

    /// <summary>The count is process-wide: a tensor an earlier test left to the garbage collector, finalized by a
    /// collection in the middle of this run, would lower it (a CI run saw 257 become 256 at batch 20). So every such
    /// tensor is finalized first, and any change during the run is this run's own.</summary>
    private static async Task<TrialOutcome> RunAsync(TrialSpec spec, ScriptedTrialHost host)
    {
        FinalizeUnreachableTensors();
        return await SmallTrials.RunAsync(spec, host, host.Preemption.Token);
    }

    private static void FinalizeUnreachableTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(); // what the finalizers released
    }
}
