using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests;

/// <summary>A worker's other threads (heartbeats, reports, checkpoint uploads) allocate, so a garbage collection can
/// start while the training thread is inside a native libtorch call. TorchSharp frees a native scalar from its
/// finalizer, and a scalar the call is still reading must not be finalized under it (a trial of the example failed
/// with libtorch's "Unknown scalar type." that way). Here a second thread collects and runs finalizers without pause
/// while trials train, validate and checkpoint, with a layer wide enough that each optimizer call takes milliseconds.
/// The race is a matter of chance: with TorchSharp's own optimizers and bare-number scalars, the Adam case failed in
/// each try within its first epoch, the SGD case in some tries.</summary>
public sealed class TrialRunnerGarbageCollectionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("adam", 0.001)]
    [InlineData("sgd", 0.001)]
    public async Task Run_CompletesWhileAnotherThreadCollectsGarbageWithoutPause(string optimizer, double weightDecay)
    {
        const int epochs = 2;
        var spec = SmallTrials.Spec(maxEpochs: epochs,
            overrides: [("optimizer", optimizer), ("weight_decay", weightDecay), ("momentum", 0.9), ("hidden_layers", 1), ("hidden_units", 4096)]);
        var host = new ScriptedTrialHost(new FileSystemCheckpointStore(_directory.Path));
        using var stop = new CancellationTokenSource();
        var collections = 0;
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0); // the youngest generation, where a scalar made for one call lives: quick, so many per second
                GC.WaitForPendingFinalizers();
                collections++;
            }
        }) { IsBackground = true };
        collector.Start();

        TrialOutcome outcome;
        try
        {
            outcome = await SmallTrials.RunAsync(spec, host, host.Preemption.Token, checkpointEvery: 5);
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.Equal(TrialOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(epochs * SmallTrials.BatchesPerEpoch, host.BatchesSeen);
        Assert.True(collections > epochs, $"the collector must run throughout, but it ran {collections} collections");
    }
}
