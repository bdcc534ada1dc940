using Tuner.TestSupport.Plugins;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Plugins;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Plugins;

/// <summary>A plugin's sessions under the trial loop: trained, preempted and resumed exactly, and every failure of the
/// plugin's own code recorded with where it happened.</summary>
public sealed class PluginTrainingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task APreemptedPluginTrial_ResumesFromItsCheckpoint_ToTheSameMetricsAsAnUninterruptedOne()
    {
        var straight = await RunAsync(Spec(), new ScriptedTrialHost(Store("straight")));

        var store = Store("resumed");
        var first = await RunAsync(Spec(), new ScriptedTrialHost(store) { PreemptAfterBatches = 11 });
        var resumed = await RunAsync(Spec(), new ScriptedTrialHost(store));

        Assert.Equal(TrialOutcomeKind.Preempted, first.Kind);
        Assert.Equal(new TrainingPosition(1, 3), first.Position);
        Assert.Equal(TrialOutcomeKind.Completed, resumed.Kind);
        Assert.Equal(Losses(straight), Losses(resumed));
        Assert.True(straight.History[^1].Metrics["val_loss"] < straight.History[0].Metrics["val_loss"], "the plugin's model learns");
    }

    [Fact]
    public async Task APluginThatThrowsWhileTraining_FailsTheTrial_SayingWhereAndWhat()
    {
        var spec = Spec() with { Options = new Dictionary<string, object> { ["fail_at"] = 3L } };

        var error = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(spec, new ScriptedTrialHost(Store("fail-at"))));

        Assert.Equal(
            "workload 'linear' threw InvalidOperationException while training at epoch 1, batch 3: the sample plugin fails at batch 3 on purpose",
            error.Message);
    }

    [Fact]
    public async Task APluginThatThrowsWhileCheckpointing_FailsTheTrial_SayingWhereAndWhat()
    {
        var spec = Spec() with { Options = new Dictionary<string, object> { ["fail_saving"] = true } };

        var error = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(spec, new ScriptedTrialHost(Store("fail-saving"))));

        Assert.Equal("workload 'linear' threw IOException while saving its state at epoch 1, batch 0: the sample plugin cannot save, on purpose", error.Message);
    }

    [Fact]
    public async Task AValidationMetricThatIsNotANumber_FailsTheTrial_NamingTheMetric()
    {
        var spec = Spec() with { Options = new Dictionary<string, object> { ["nan_validation"] = true } };

        var error = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(spec, new ScriptedTrialHost(Store("nan"))));

        Assert.Equal("validation metric val_loss became NaN after epoch 1 (batch_size=8)", error.Message);
    }

    [Fact]
    public async Task APluginWhoseDependencyIsMissingFromTheBundle_FailsTheTrial_NamingTheAssembly()
    {
        var folder = TestPlugins.CopyWithout(TestPlugins.SamplePlugins, Path.Combine(_directory.Path, "bundle"), "SampleDependency.dll");
        var workload = new PluginLoader().Load(folder, TestPlugins.Linear, "sha256:incomplete");

        var error = await Assert.ThrowsAsync<TrialFailedException>(() => TrialRunner.RunAsync(
            workload, Spec(), CheckpointPolicy.Default, new TrainingEnvironment(_directory.Path), new ScriptedTrialHost(Store("missing")), CancellationToken.None));

        Assert.StartsWith("workload 'linear' threw FileNotFoundException while training at epoch 1, batch 1: ", error.Message);
        Assert.Contains("SampleDependency", error.Message);
    }

    private static TrialSpec Spec() => new("linear", new Dictionary<string, object> { ["batch_size"] = 8L }, new Dictionary<string, object>(), 3, 5);

    private async Task<TrialOutcome> RunAsync(TrialSpec spec, ScriptedTrialHost host) => await TrialRunner.RunAsync(
        new PluginLoader().Load(TestPlugins.SamplePlugins, TestPlugins.Linear, "sha256:sample"),
        spec, CheckpointPolicy.Default, new TrainingEnvironment(_directory.Path), host, host.Preemption.Token);

    private FileSystemCheckpointStore Store(string name) => new(Path.Combine(_directory.Path, name));

    private static List<(int, double)> Losses(TrialOutcome outcome) =>
        outcome.History.Select(r => (r.Epoch, r.Metrics["val_loss"])).ToList();
}
