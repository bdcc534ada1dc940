using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

public sealed class MultipleProblemTests
{
    private static readonly string BrokenEverywhere = DefinitionTexts.Lines(
        "name: broken",                                                           // 1
        "workload: { kind: mnist-mlp, max_epochs: 0 }",                           // 2
        "objective: { metric: val_acc }",                                         // 3
        "space:",                                                                 // 4
        "  learning_rate: { type: float, low: 0.1, high: 0.001, log: true }",     // 5
        "  batch_size: { type: categorical, choices: [] }",                       // 6
        "  hidden_units: { type: integer, low: 32, high: 512 }",                  // 7
        "  momentum: { type: float, low: 0.5, high: 0.9, when: { optimizer: sgd } }", // 8
        "sampler: { kind: annealing, seed: 42 }",                                       // 9
        "pruner: { kind: median, startup_trials: -1 }",                           // 10
        "budget: { max_trials: 0, paralelism: 2 }");                              // 11

    [Fact]
    public void Parse_ReportsEveryProblemInOnePass_InLineOrder()
    {
        var result = DefinitionReading.Parse(BrokenEverywhere);

        Assert.Null(result.Definition);
        Assert.Equal(
            [
                ("workload.max_epochs", 2),
                ("objective.metric", 3),
                ("space.learning_rate.low", 5),
                ("space.batch_size.choices", 6),
                ("space.hidden_units.type", 7),
                ("space.momentum.when", 8),
                ("sampler.kind", 9),
                ("pruner.startup_trials", 10),
                ("budget.paralelism", 11),
                ("budget.max_trials", 11),
            ],
            result.Problems.Select(problem => (problem.Path, problem.Line ?? 0)));
    }

    [Fact]
    public void Parse_SuggestsTheMetric_ForAMisspeltObjective()
    {
        var problem = DefinitionReading.Parse(BrokenEverywhere).Problems.Single(p => p.Path == "objective.metric");

        Assert.Equal("unknown metric 'val_acc'; known: val_accuracy, val_loss, train_loss", problem.Message);
    }

    [Fact]
    public void ToValidationErrors_KeysMessagesByPath_WithTheirLines()
    {
        var errors = DefinitionReading.Parse(BrokenEverywhere).ToValidationErrors();

        Assert.Equal(10, errors.Count);
        Assert.Equal(["unknown key 'paralelism' (did you mean 'parallelism'?) (line 11)"], errors["budget.paralelism"]);
        Assert.Equal(["max_trials must be at least 1, but got 0 (line 11)"], errors["budget.max_trials"]);
        Assert.All(errors.Values.SelectMany(messages => messages), message => Assert.Matches(@"\(line \d+\)$", message));
    }

    [Fact]
    public void ToValidationErrors_GroupsSeveralProblemsOfOnePath()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal(string.Join('\n',
            "  optimizer: { type: categorical, choices: [adam, adam, { name: sgd }] }")));

        var errors = result.ToValidationErrors();

        Assert.Equal(2, errors["space.optimizer.choices"].Length);
    }

    [Fact]
    public void ToValidationErrors_IsEmpty_ForAValidDefinition()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.MnistMlpExample());

        Assert.Empty(result.ToValidationErrors());
    }

    [Fact]
    public void ToValidationErrors_GivesTheErrorsShownInTheFormatReference()
    {
        var text = DefinitionTexts.Lines(
            "name: mnist-mlp",
            "workload: { kind: mnist-mlp, max_epochs: 6 }",
            "objective: { metric: val_accuracy }",
            "space:",
            "  learning_rate: { type: float, low: 0, high: 0.1, log: true }",
            "  optimizer: { type: categorical, choices: [adam, sgd] }",
            "  momentum: { type: float, low: 0.5, high: 0.99, when: { optimiser: sgd } }",
            "sampler: { kind: annealing, seed: 42 }",
            "budget: { max_trials: 16, paralelism: 2 }");

        var errors = DefinitionReading.Parse(text).ToValidationErrors();

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["space.learning_rate.low"] = ["low must be greater than 0 when log is true, but got low=0 (line 5)"],
                ["space.momentum.when"] = ["when refers to 'optimiser', which is not a parameter in space (did you mean 'optimizer'?); space has: learning_rate, optimizer (line 7)"],
                ["sampler.kind"] = [$"unknown sampler 'annealing'; known: {string.Join(", ", Tuner.Search.Samplers.SamplerCatalog.Kinds)} (line 8)"],
                ["budget.paralelism"] = ["unknown key 'paralelism' (did you mean 'parallelism'?) (line 9)"],
            },
            errors);
    }
}
