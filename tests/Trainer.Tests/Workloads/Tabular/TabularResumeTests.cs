using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

/// <summary>A tabular-mlp trial's batches are a pure function of (seed, epoch, batch): a session restored from a
/// checkpoint continues bit for bit.</summary>
public sealed class TabularResumeTests : IDisposable
{
    private static readonly (string, object)[] Parameters = [("learning_rate", 0.01), ("batch_size", 16), ("dropout", 0.3)];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OneEpochCheckpointAndANewSession_MatchThreeEpochsStraight_BitForBit()
    {
        var spec = Spec();
        List<IReadOnlyDictionary<string, double>> straight;
        using (var session = await TabularTrials.OpenAsync(spec)) straight = TabularTrials.Train(session, 0, 3);

        using var state = new MemoryStream();
        List<IReadOnlyDictionary<string, double>> resumed;
        using (var first = await TabularTrials.OpenAsync(spec))
        {
            resumed = TabularTrials.Train(first, 0, 1);
            first.SaveState(state);
        }
        using (var second = await TabularTrials.OpenAsync(spec))
        {
            state.Position = 0;
            second.LoadState(state);
            resumed.AddRange(TabularTrials.Train(second, 1, 3));
        }

        Assert.Equal(3, resumed.Count);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(straight[epoch].Keys.Order(), resumed[epoch].Keys.Order());
            foreach (var (name, value) in straight[epoch])
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(resumed[epoch][name]));
        }
        Assert.NotEqual(straight[0]["val_log_loss"], straight[2]["val_log_loss"]); // it did train
    }

    [Fact]
    public async Task TrialRunner_ResumedAfterAMidEpochPreemption_ReportsWhatAnUninterruptedRunReports()
    {
        var spec = Spec();
        var uninterrupted = await RunAsync(spec, new ScriptedTrialHost(Store("uninterrupted")));
        var store = Store("preempted");
        var preemptedHost = new ScriptedTrialHost(store) { PreemptAfterBatches = 18 + 7 };

        var preempted = await RunAsync(spec, preemptedHost);
        var resumed = await RunAsync(spec, new ScriptedTrialHost(store));

        Assert.Equal(TrialOutcomeKind.Preempted, preempted.Kind);
        Assert.Equal(new TrainingPosition(1, 7), preempted.Position);
        Assert.Equal(TrialOutcomeKind.Completed, resumed.Kind);
        Assert.Equal(MetricsOf(uninterrupted), MetricsOf(resumed));
    }

    private static TrialSpec Spec() =>
        TabularTrials.Spec(new Dictionary<string, object> { ["data"] = TabularTrials.PenguinsCsv, ["target"] = "species" }, maxEpochs: 3, seed: 11, parameters: Parameters);

    private static Task<TrialOutcome> RunAsync(TrialSpec spec, ScriptedTrialHost host) =>
        TrialRunner.RunAsync(
            new TabularMlpWorkload(), spec, new CheckpointPolicy(1), TabularTrials.Environment(), host, host.Preemption.Token);

    private static List<(int, string, long)> MetricsOf(TrialOutcome outcome) =>
        outcome.History.SelectMany(r => r.Metrics.OrderBy(m => m.Key).Select(m => (r.Epoch, m.Key, BitConverter.DoubleToInt64Bits(m.Value)))).ToList();

    private FileSystemCheckpointStore Store(string name) => new(Path.Join(_directory.Path, name));
}
