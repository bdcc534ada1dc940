using Tuner.Search.Benchmarks;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.Synthetic;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Synthetic;

public sealed class SyntheticWorkloadTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static TrialSpec Spec(double x0, double x1, int epochs = 12, int seed = 3, params (string, object)[] options) => new(
        SyntheticWorkload.Name,
        new Dictionary<string, object> { ["x0"] = x0, ["x1"] = x1 },
        options.ToDictionary(o => o.Item1, o => o.Item2),
        epochs,
        seed);

    [Fact]
    public async Task ACurve_FallsTowardsTheFunctionsValueAtTheTrialsPoint()
    {
        var outcome = await RunAsync(Spec(Math.PI, 2.275, options: ("noise", 0.0)), new ScriptedTrialHost(Store("converges")));

        var values = outcome.History.Select(r => r.Metrics["val_loss"]).ToList();
        Assert.Equal(12, values.Count);
        Assert.True(values.Zip(values.Skip(1)).All(p => p.Second < p.First), "without noise the curve falls at every epoch");
        Assert.InRange(values[^1], new Branin().KnownMinimum, new Branin().KnownMinimum + 0.2);
    }

    [Fact]
    public async Task APreemptedTrial_ReportsExactlyWhatAnUninterruptedOneDoes()
    {
        var spec = Spec(1.0, 4.0, options: [("batches", 4L)]);
        var straight = await RunAsync(spec, new ScriptedTrialHost(Store("straight")));
        var store = Store("resumed");

        var first = await RunAsync(spec, new ScriptedTrialHost(store) { PreemptAfterBatches = 18 });
        var resumed = await RunAsync(spec, new ScriptedTrialHost(store));

        Assert.Equal(TrialOutcomeKind.Preempted, first.Kind);
        Assert.Equal(
            straight.History.Select(r => (r.Epoch, r.Metrics["val_loss"], r.Metrics["train_loss"])),
            resumed.History.Select(r => (r.Epoch, r.Metrics["val_loss"], r.Metrics["train_loss"])));
    }

    [Fact]
    public async Task CurvesOfDifferentPoints_Cross()
    {
        // Two points whose curves fall at different rates: the one ahead early is behind at the end.
        var early = await RunAsync(Spec(-5.0, 2.0, options: ("noise", 0.0)), new ScriptedTrialHost(Store("a")));
        var late = await RunAsync(Spec(-5.0, 2.5, options: ("noise", 0.0)), new ScriptedTrialHost(Store("b")));

        double At(TrialOutcome o, int epoch) => o.History[epoch - 1].Metrics["val_loss"];
        Assert.True((At(early, 1) - At(late, 1)) * (At(early, 12) - At(late, 12)) < 0, "the two curves change order");
    }

    [Fact]
    public async Task ACheckpointEvaluatedOnOtherData_ScoresItsCurveAtItsEpoch_MovedByThatDatasShift()
    {
        // The shift stands for the data a run is scored on: a champion trained on one night's data (shift 50) and
        // re-scored on another's (shift 0) scores what a trial on that data would, at the epoch its checkpoint holds.
        var trained = Spec(1.0, 4.0, options: [("noise", 0.0), ("shift", 50.0)]);
        var host = new ScriptedTrialHost(Store("shifted"));
        var outcome = await RunAsync(trained, host);
        var unshifted = await RunAsync(Spec(1.0, 4.0, options: ("noise", 0.0)), new ScriptedTrialHost(Store("plain")));

        await using var checkpoint = (await host.OpenLatestCheckpointAsync(CancellationToken.None))!;
        var rescored = await WorkloadEvaluation.ValidateAsync(
            new SyntheticWorkload(), Spec(1.0, 4.0, options: [("noise", 0.0), ("shift", 0.0)]), new TrainingEnvironment(_directory.Path),
            checkpoint, CancellationToken.None);

        Assert.Equal(outcome.History[^1].Metrics["val_loss"] - 50, rescored["val_loss"], 9);
        Assert.Equal(unshifted.History[^1].Metrics["val_loss"], rescored["val_loss"], 9);
    }

    [Fact]
    public async Task ACheckpointThatIsNotTheWorkloads_IsRefusedWithOneLine()
    {
        var mnist = await TrialCheckpointBytesAsync("mnist-mlp");
        var error = await Assert.ThrowsAsync<TrialFailedException>(() => WorkloadEvaluation.ValidateAsync(
            new SyntheticWorkload(), Spec(1.0, 4.0), new TrainingEnvironment(_directory.Path), new MemoryStream(mnist), CancellationToken.None));

        Assert.StartsWith("the checkpoint (", error.Message);
        Assert.Contains("does not fit the model of workload 'synthetic' on this data: the checkpoint is not a synthetic trial's", error.Message);
    }

    private static async Task<byte[]> TrialCheckpointBytesAsync(string workload)
    {
        using var buffer = new MemoryStream();
        await new TrialCheckpoint(workload, 3, new TrainingPosition(2, 0), [], PartialEpoch.Empty, [0x4D, 1, 2]).WriteToAsync(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("mixed", "option 'function' must be a function of real coordinates, but 'mixed' has categorical ones")]
    [InlineData("rosenbrock:11", "option 'function' may have at most 10 coordinates, but 'rosenbrock:11' has 11")]
    [InlineData("branni", "option function must be one of branin, hartmann3, hartmann6, six_hump_camel, mixed, rosenbrock:D, styblinski_tang:D, ackley:D, levy:D, griewank:D, but got 'branni'")]
    public void ValidateOptions_NamesAFunctionItCannotUse(string function, string problem)
    {
        Assert.Equal([problem], new SyntheticWorkload().ValidateOptions(new Dictionary<string, object> { ["function"] = function }));
    }

    private async Task<TrialOutcome> RunAsync(TrialSpec spec, ScriptedTrialHost host) => await TrialRunner.RunAsync(
        new SyntheticWorkload(), spec, CheckpointPolicy.Default, new TrainingEnvironment(_directory.Path), host, host.Preemption.Token);

    private FileSystemCheckpointStore Store(string name) => new(Path.Combine(_directory.Path, name));
}
