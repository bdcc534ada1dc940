using Tuner.Workloads;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests;

public sealed class TrialRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_ReportsEveryEpochAndCompletes_WhenNotInterrupted()
    {
        var host = NewHost("plain");

        var outcome = await RunAsync(SmallTrials.Spec(), host);

        Assert.Equal(TrialOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(new TrainingPosition(3, 0), outcome.Position);
        Assert.Equal([1, 2, 3], host.Reports.Select(r => r.Epoch));
        Assert.Equal(3, outcome.EpochsTrained);
        Assert.Equal(3 * SmallTrials.BatchesPerEpoch, outcome.BatchesTrained);
        Assert.All(host.Reports, r => Assert.Superset(new HashSet<string>(["val_accuracy", "val_loss", "train_loss"]), r.Metrics.Keys.ToHashSet()));
        Assert.True(host.Reports[^1].Metrics["val_accuracy"] > 0.5, $"val_accuracy={host.Reports[^1].Metrics["val_accuracy"]}");
    }

    [Fact]
    public async Task Run_ReportsIdenticalMetrics_ForTheSameSeed()
    {
        var first = await RunAsync(SmallTrials.Spec(), NewHost("first"));
        var second = await RunAsync(SmallTrials.Spec(), NewHost("second"));

        Assert.Equal(MetricsOf(first), MetricsOf(second));
    }

    [Fact]
    public async Task Run_ReportsDifferentMetrics_ForADifferentSeed()
    {
        var first = await RunAsync(SmallTrials.Spec(maxEpochs: 1, seed: 1), NewHost("first"));
        var second = await RunAsync(SmallTrials.Spec(maxEpochs: 1, seed: 2), NewHost("second"));

        Assert.NotEqual(MetricsOf(first), MetricsOf(second));
    }

    [Fact]
    public async Task Resume_AfterMidEpochPreemption_EndsWithTheSameMetricsAsAnUninterruptedRun()
    {
        var uninterrupted = await RunAsync(SmallTrials.Spec(), NewHost("uninterrupted"));
        var store = Store("preempted");
        var batches = SmallTrials.BatchesPerEpoch + 9;

        var preemptedHost = new ScriptedTrialHost(store) { PreemptAfterBatches = batches };
        var preempted = await RunAsync(SmallTrials.Spec(), preemptedHost);
        var resumed = await RunAsync(SmallTrials.Spec(), new ScriptedTrialHost(store));

        Assert.Equal(TrialOutcomeKind.Preempted, preempted.Kind);
        Assert.Equal(new TrainingPosition(1, 9), preempted.Position);
        Assert.Equal(new TrainingPosition(1, 9), preemptedHost.SavedPositions[^1]);
        Assert.Equal(TrialOutcomeKind.Completed, resumed.Kind);
        Assert.Equal(MetricsOf(uninterrupted), MetricsOf(resumed));
        Assert.Equal(3 * SmallTrials.BatchesPerEpoch, preempted.BatchesTrained + resumed.BatchesTrained);
        Assert.Equal((1, 2), (preempted.EpochsTrained, resumed.EpochsTrained));
    }

    [Fact]
    public async Task Resume_FromAnEpochBoundaryCheckpoint_EndsWithTheSameMetricsAndTrainsOnlyTheRemainingEpochs()
    {
        var uninterrupted = await RunAsync(SmallTrials.Spec(), NewHost("uninterrupted"));
        var store = Store("preempted");

        var preemptedHost = new ScriptedTrialHost(store) { PreemptAfterEpoch = 2 };
        var preempted = await RunAsync(SmallTrials.Spec(), preemptedHost);
        var resumed = await RunAsync(SmallTrials.Spec(), new ScriptedTrialHost(store));

        Assert.Equal(TrialOutcomeKind.Preempted, preempted.Kind);
        Assert.Equal([new TrainingPosition(1, 0), new TrainingPosition(2, 0)], preemptedHost.SavedPositions);
        Assert.Equal(MetricsOf(uninterrupted), MetricsOf(resumed));
        Assert.Equal(1, resumed.EpochsTrained);
        Assert.Equal(SmallTrials.BatchesPerEpoch, resumed.BatchesTrained);
    }

    [Fact]
    public async Task Run_TrainsNothing_WhenTheLatestCheckpointIsAfterTheLastEpoch()
    {
        var store = Store("done");
        await RunAsync(SmallTrials.Spec(maxEpochs: 2), new ScriptedTrialHost(store));

        var host = new ScriptedTrialHost(store);
        var again = await RunAsync(SmallTrials.Spec(maxEpochs: 2), host);

        Assert.Equal(TrialOutcomeKind.Completed, again.Kind);
        Assert.Equal((0, 0), (again.EpochsTrained, again.BatchesTrained));
        Assert.Equal(2, again.History.Count);
        Assert.Empty(host.Reports);
    }

    [Fact]
    public async Task Run_CheckpointsEveryNthEpochAndAfterTheLast()
    {
        var host = NewHost("every-two");

        await SmallTrials.RunAsync(SmallTrials.Spec(maxEpochs: 3), host, host.Preemption.Token, checkpointEvery: 2);

        Assert.Equal([new TrainingPosition(2, 0), new TrainingPosition(3, 0)], host.SavedPositions);
    }

    [Fact]
    public async Task Run_StopsWithoutCheckpoint_WhenTheHostPrunes()
    {
        var host = new ScriptedTrialHost(Store("pruned")) { PruneAtEpoch = 1 };

        var outcome = await RunAsync(SmallTrials.Spec(), host);

        Assert.Equal(TrialOutcomeKind.Pruned, outcome.Kind);
        Assert.Equal(new TrainingPosition(1, 0), outcome.Position);
        Assert.Single(host.Reports);
        Assert.Empty(host.SavedPositions);
    }

    [Fact]
    public async Task Run_Throws_WhenTheLossDiverges()
    {
        var spec = SmallTrials.Spec(overrides: [("optimizer", "sgd"), ("learning_rate", 1e9)]);

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(spec, NewHost("diverging")));

        Assert.Matches(@"^training loss became (NaN|infinite) at epoch 1, batch \d+ \(.*learning_rate=1000000000.*\)$", failure.Message);
    }

    [Fact]
    public async Task Run_ThrowsNamingEveryProblem_WhenParametersAreInvalid()
    {
        var spec = SmallTrials.Spec(overrides: [("batch_size", 0), ("optimizer", "rmsprop")]);

        var failure = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(spec, NewHost("invalid")));

        Assert.Contains("batch_size must be between 1 and 60000, but got batch_size=0", failure.Message);
        Assert.Contains("optimizer must be one of adam, sgd, but got optimizer='rmsprop'", failure.Message);
    }

    [Fact]
    public async Task Run_ThrowsWithoutCheckpoint_WhenAborted()
    {
        var host = NewHost("aborted");
        using var abort = new CancellationTokenSource();
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(SmallTrials.Spec(), host, abort.Token));

        Assert.Empty(host.SavedPositions);
    }

    [Fact]
    public async Task Run_Throws_WhenTheLatestCheckpointBelongsToAnotherSeed()
    {
        var store = Store("other-seed");
        await RunAsync(SmallTrials.Spec(maxEpochs: 1, seed: 1), new ScriptedTrialHost(store));

        var failure = await Assert.ThrowsAsync<TrialFailedException>(
            () => RunAsync(SmallTrials.Spec(maxEpochs: 2, seed: 2), new ScriptedTrialHost(store)));

        Assert.Contains("seed=1", failure.Message);
    }

    private static async Task<TrialOutcome> RunAsync(TrialSpec spec, ScriptedTrialHost host, CancellationToken abort = default) =>
        await SmallTrials.RunAsync(spec, host, host.Preemption.Token, abort);

    private static List<(int, string, double)> MetricsOf(TrialOutcome outcome) =>
        outcome.History.SelectMany(r => r.Metrics.OrderBy(m => m.Key).Select(m => (r.Epoch, m.Key, m.Value))).ToList();

    private FileSystemCheckpointStore Store(string name) => new(Path.Join(_directory.Path, name));

    private ScriptedTrialHost NewHost(string name) => new(Store(name));
}
