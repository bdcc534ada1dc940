using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads;
using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class TabularMlpWorkloadTests : IDisposable
{
    private static readonly (string, object)[] QuickParameters =
        [("learning_rate", 0.01), ("batch_size", 16), ("hidden_units", 32), ("dropout", 0.1)];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void BuiltInWorkloads_FindTabularMlp()
    {
        Assert.IsType<TabularMlpWorkload>(BuiltInWorkloads.Find("tabular-mlp"));
        Assert.Contains("tabular-mlp", BuiltInWorkloads.Kinds);
    }

    [Fact]
    public void Metrics_AreTheUnionOfBothTasks_WithTheirGoals()
    {
        Assert.Equal(
            [
                ("val_accuracy", MetricGoal.Maximize), ("val_auc", MetricGoal.Maximize), ("val_log_loss", MetricGoal.Minimize),
                ("val_rmse", MetricGoal.Minimize), ("val_mae", MetricGoal.Minimize), ("val_loss", MetricGoal.Minimize),
            ],
            new TabularMlpWorkload().Metrics.Select(m => (m.Name, m.Goal)));
    }

    [Fact]
    public async Task Penguins_ClassifiesSpeciesAccurately_AfterAFewEpochs()
    {
        var spec = TabularTrials.Spec(Penguins(), parameters: QuickParameters);
        using var session = await TabularTrials.OpenAsync(spec);

        var metrics = TabularTrials.Train(session, 0, 5)[^1];

        Assert.Equal(18, session.BatchesPerEpoch); // 275 training rows in batches of 16
        Assert.Equal(["val_accuracy", "val_auc", "val_log_loss", "val_loss"], metrics.Keys.Order());
        Assert.True(metrics["val_accuracy"] > 0.9, $"val_accuracy={metrics["val_accuracy"]}");
        Assert.True(metrics["val_auc"] > 0.97, $"val_auc={metrics["val_auc"]}");
        Assert.True(metrics["val_log_loss"] < 0.3, $"val_log_loss={metrics["val_log_loss"]}");
        Assert.Equal(metrics["val_log_loss"], metrics["val_loss"]);
        Assert.Null(session.Test()); // no test_data
    }

    [Fact]
    public async Task Penguins_TrainsWithBalancedClassWeights()
    {
        var spec = TabularTrials.Spec(Penguins(), parameters: [.. QuickParameters, ("class_weighting", "balanced")]);
        using var session = await TabularTrials.OpenAsync(spec);

        var metrics = TabularTrials.Train(session, 0, 5)[^1];

        Assert.True(metrics["val_accuracy"] > 0.9, $"val_accuracy={metrics["val_accuracy"]}");
    }

    [Fact]
    public async Task Churn_LearnsTheGeneratedSignal()
    {
        var spec = TabularTrials.Spec(
            new Dictionary<string, object> { ["data"] = TabularTrials.ChurnCsv, ["target"] = "churned" },
            parameters: [("learning_rate", 0.003), ("batch_size", 64), ("hidden_units", 32)]);
        using var session = await TabularTrials.OpenAsync(spec);

        var metrics = TabularTrials.Train(session, 0, 3)[^1];

        Assert.True(metrics["val_auc"] > 0.75, $"val_auc={metrics["val_auc"]}");
        Assert.True(metrics["val_accuracy"] > 0.72, $"val_accuracy={metrics["val_accuracy"]}");
    }

    [Fact]
    public async Task LinearTable_RegressesToALowRmse_AndTestScoresTheTestFile()
    {
        var data = TabularTrials.Write(_directory, "train.csv", TabularTrials.LinearTable(1_000, seed: 1));
        var test = TabularTrials.Write(_directory, "test.csv", TabularTrials.LinearTable(200, seed: 2));
        var spec = TabularTrials.Spec(
            new Dictionary<string, object> { ["data"] = data, ["target"] = "y", ["test_data"] = test },
            parameters: [("learning_rate", 0.01), ("batch_size", 32), ("dropout", 0.0)]);
        using var session = await TabularTrials.OpenAsync(spec);

        var metrics = TabularTrials.Train(session, 0, 15)[^1];
        var tested = session.Test();

        Assert.Equal(["val_loss", "val_mae", "val_rmse"], metrics.Keys.Order());
        Assert.True(metrics["val_rmse"] < 0.25, $"val_rmse={metrics["val_rmse"]}"); // the target's standard deviation is about 2.2
        Assert.True(metrics["val_mae"] < metrics["val_rmse"]);
        Assert.NotNull(tested);
        Assert.Equal(metrics.Keys.Order(), tested.Keys.Order());
        Assert.True(tested["val_rmse"] < 0.25, $"test val_rmse={tested["val_rmse"]}");
    }

    [Fact]
    public async Task OpenSession_ResolvesARelativePathAgainstTheCurrentDirectory()
    {
        TabularTrials.Write(_directory, "relative.csv", TabularTrials.LinearTable(50, seed: 3));
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _directory.Path;
        try
        {
            using var session = await TabularTrials.OpenAsync(
                TabularTrials.Spec(new Dictionary<string, object> { ["data"] = "relative.csv", ["target"] = "y" }, parameters: ("batch_size", 10)));

            Assert.Equal(4, session.BatchesPerEpoch); // 40 training rows
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public async Task OpenSession_Throws_ForInvalidParametersAndOptions()
    {
        var spec = TabularTrials.Spec(new Dictionary<string, object> { ["target"] = "y" }, parameters: ("hidden_units", 0));

        var error = await Assert.ThrowsAsync<WorkloadException>(() => TabularTrials.OpenAsync(spec));

        Assert.Equal(
            "invalid tabular-mlp trial: hidden_units must be between 1 and 65536, but got hidden_units=0; option 'data' is required: the training CSV: a local path or s3://bucket/key",
            error.Message);
    }

    [Fact]
    public async Task Sessions_DifferBySeed_AndRepeatForTheSameSeed()
    {
        async Task<IReadOnlyDictionary<string, double>> RunAsync(int seed)
        {
            using var session = await TabularTrials.OpenAsync(TabularTrials.Spec(Penguins(), seed: seed, parameters: QuickParameters));
            return TabularTrials.Train(session, 0, 1)[^1];
        }

        var first = await RunAsync(1);
        Assert.Equal(first, await RunAsync(1));
        Assert.NotEqual(first["val_log_loss"], (await RunAsync(2))["val_log_loss"]);
    }

    private static Dictionary<string, object> Penguins() => new() { ["data"] = TabularTrials.PenguinsCsv, ["target"] = "species" };
}
