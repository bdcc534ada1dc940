using Tuner.Core.Definitions;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Core.Tests.Definitions;

/// <summary>The workload section against the workload's own declarations: options beside the kind, the objective
/// from its metrics, and a plugin's bundle reference.</summary>
public sealed class WorkloadSectionTests
{
    private static string WithWorkload(string workload, string objective = "objective: { metric: val_loss }") => DefinitionTexts.Lines(
        "name: small",
        workload,
        objective,
        "space:",
        "  learning_rate: { type: float, low: 0.001, high: 0.1, log: true }",
        "budget: { max_trials: 4 }");

    [Fact]
    public void Parse_ReadsTheWorkloadsOptions_BesideItsKind()
    {
        var definition = DefinitionReading.Parse(WithWorkload("workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 500 }")).Definition!;

        Assert.Equal(new Dictionary<string, object> { ["train_samples"] = 500L }, definition.Workload.Options);
    }

    [Fact]
    public void Parse_ReportsAKeyThatIsNeitherCommonNorAnOption_WithASuggestion()
    {
        var problem = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: mnist-mlp, max_epochs: 2, train_sample: 500 }"));

        Assert.Equal("workload.train_sample", problem.Path);
        Assert.Equal("unknown key 'train_sample' (did you mean 'train_samples'?)", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Parse_PassesTheWorkloadsOwnOptionProblems_On()
    {
        var problem = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: mnist-mlp, max_epochs: 2, train_samples: many }"));

        Assert.Equal("workload", problem.Path);
        Assert.Equal("option 'train_samples' must be an integer, but got 'many'", problem.Message);
    }

    [Fact]
    public void Parse_TakesTheObjectiveFromTheWorkloadsMetrics_AndItsDirection()
    {
        var text = WithWorkload("workload: { kind: tabular-mlp, max_epochs: 2, data: t.csv, target: y }", "objective: { metric: val_auc }")
            .Replace("learning_rate: { type: float, low: 0.001, high: 0.1, log: true }", "dropout: { type: float, low: 0.0, high: 0.5 }", StringComparison.Ordinal);

        var definition = DefinitionReading.Parse(text).Definition!;

        Assert.Equal(new ObjectiveSection("val_auc", Tuner.Search.StudyDirection.Maximize), definition.Objective);
    }

    [Fact]
    public void Parse_ReportsAnObjectiveTheWorkloadDoesNotReport()
    {
        var problem = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: mnist-mlp, max_epochs: 2 }", "objective: { metric: val_auc }"));

        Assert.Equal("objective.metric", problem.Path);
        Assert.Equal("unknown metric 'val_auc'; known: val_accuracy, val_loss, train_loss", problem.Message);
    }

    [Fact]
    public void Parse_AsksAPluginForItsBundleDigest_AndSaysHowToGetOne()
    {
        var missing = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: plugin, max_epochs: 2 }"));
        var path = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: plugin, bundle: ./bin/Release, max_epochs: 2 }"));

        Assert.Equal(("workload.bundle", "missing required key 'bundle'"), (missing.Path, missing.Message));
        Assert.Equal("workload.bundle", path.Path);
        Assert.StartsWith("bundle must be sha256: and the 64 hex digits of an uploaded bundle, but got './bin/Release' (tuner submit", path.Message);
    }

    [Fact]
    public void Parse_ReportsWhatTheCatalogSaysOfAPluginBundle_AtTheBundleKey()
    {
        var digest = "sha256:" + new string('c', 64);

        var problem = DefinitionTexts.SingleProblem(WithWorkload($"workload: {{ kind: plugin, bundle: '{digest}', max_epochs: 2 }}"));

        Assert.Equal(("workload.bundle", 2), (problem.Path, problem.Line));
        Assert.Equal("this test reads definitions against the built-in workloads only", problem.Message);
    }

    [Fact]
    public void Parse_RefusesPluginKeys_OnABuiltInWorkload()
    {
        var problem = DefinitionTexts.SingleProblem(WithWorkload("workload: { kind: mnist-mlp, max_epochs: 2, type: X }"));

        Assert.Equal("workload.type", problem.Path);
        Assert.StartsWith("unknown key 'type'", problem.Message);
    }
}
