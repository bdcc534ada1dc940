using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

public sealed class SpaceProblemTests
{
    [Fact]
    public void Parse_ReportsLowNotBelowHigh_AtTheLowKey()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  dropout: { type: float, low: 0.5, high: 0.1 }"));

        Assert.Equal(new DefinitionProblem("space.dropout.low", "low must be less than high, but got low=0.5, high=0.1", 5), problem);
    }

    [Fact]
    public void Parse_ReportsLowNotBelowHigh_ForIntParameters()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  hidden_units: { type: int, low: 64, high: 64 }"));

        Assert.Equal(new DefinitionProblem("space.hidden_units.low", "low must be less than high, but got low=64, high=64", 5), problem);
    }

    [Fact]
    public void Parse_ReportsLogRangeStartingAtZero()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  weight_decay: { type: float, low: 0, high: 0.01, log: true }"));

        Assert.Equal(new DefinitionProblem("space.weight_decay.low", "low must be greater than 0 when log is true, but got low=0", 5), problem);
    }

    [Fact]
    public void Parse_ReportsEmptyChoices()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  optimizer: { type: categorical, choices: [] }"));

        Assert.Equal(new DefinitionProblem("space.optimizer.choices", "choices must list at least one value, but the list is empty", 5), problem);
    }

    [Fact]
    public void Parse_ReportsUnknownParameterType_WithTheKnownTypes()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  dropout: { type: floaat, low: 0.0, high: 0.5 }"));

        Assert.Equal("space.dropout.type", problem.Path);
        Assert.Equal("unknown parameter type 'floaat' (did you mean 'float'?); known: float, int, categorical", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Parse_ReportsKeyOfAnotherType_AsNotApplying()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  dropout: { type: float, low: 0.0, high: 0.5, choices: [0.1] }"));

        Assert.Equal(new DefinitionProblem("space.dropout.choices", "'choices' does not apply to type float; float takes: low, high, log, step, when", 5), problem);
    }

    [Fact]
    public void Parse_ReportsSpaceParameterTheWorkloadDoesNotHave_WithASuggestion()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  learnin_rate: { type: float, low: 0.001, high: 0.1 }"));

        Assert.Equal("space.learnin_rate", problem.Path);
        Assert.StartsWith("'learnin_rate' is not a parameter of workload 'mnist-mlp' (did you mean 'learning_rate'?); its parameters: ", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Parse_ReportsFixedValueTheWorkloadRejects_AtThatParameter()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  optimizer: rmsprop"));

        Assert.Equal("space.optimizer", problem.Path);
        Assert.Contains("rmsprop", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Parse_ReportsChoiceTheWorkloadRejects_AtItsLine()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n', "  optimizer:", "    type: categorical", "    choices:", "      - adam", "      - rmsprop"));

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal("space.optimizer.choices", problem.Path);
        Assert.Contains("rmsprop", problem.Message);
        Assert.Equal(9, problem.Line);
    }

    [Fact]
    public void Parse_AcceptsAPlainValue_AsAParameterFixedForEveryTrial()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal("  optimizer: sgd"));

        var spec = Assert.Single(result.Definition!.Space);
        Assert.Equal(["sgd"], Assert.IsType<Tuner.Search.Spaces.CategoricalDistribution>(spec.Distribution).Choices);
    }

    [Fact]
    public void Parse_ReportsConditionOnAParentThatIsNotInTheSpace()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n',
            "  optimizer: { type: categorical, choices: [adam, sgd] }",
            "  momentum: { type: float, low: 0.5, high: 0.99, when: { optimzer: sgd } }"));

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal("space.momentum.when", problem.Path);
        Assert.Equal("when refers to 'optimzer', which is not a parameter in space (did you mean 'optimizer'?); space has: optimizer", problem.Message);
        Assert.Equal(6, problem.Line);
    }

    [Fact]
    public void Parse_ReportsConditionValueThatIsNotAChoiceOfTheParent()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n',
            "  optimizer: { type: categorical, choices: [adam, sgd] }",
            "  momentum: { type: float, low: 0.5, high: 0.99, when: { optimizer: [sgd, nesterov] } }"));

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(new DefinitionProblem("space.momentum.when.optimizer", "when value 'nesterov' is not one of optimizer's choices: adam, sgd", 6), problem);
    }

    [Fact]
    public void Parse_ReportsEmptySpace()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  {}").Replace("space:\n  {}", "space: {}"));

        Assert.Equal(new DefinitionProblem("space", "space must define at least one parameter", 4), problem);
    }

    [Fact]
    public void Parse_ReportsFloatRangeForAnIntegerParameter()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  batch_size: { type: float, low: 16, high: 256 }"));

        Assert.Equal(new DefinitionProblem("space.batch_size", "'batch_size' takes integers, so its type must be int or categorical, not float", 5), problem);
    }

    [Fact]
    public void Parse_ReportsBoundTheWorkloadRejects_AtThatBound()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  hidden_layers: { type: int, low: 1, high: 40 }"));

        Assert.Equal(new DefinitionProblem("space.hidden_layers.high", "hidden_layers must be between 1 and 16, but got hidden_layers=40", 5), problem);
    }

    [Fact]
    public void Parse_AcceptsConditionOnAnIntParent_WithValuesInItsRange()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n',
            "  hidden_layers: { type: int, low: 1, high: 3 }",
            "  dropout: { type: float, low: 0.0, high: 0.5, when: { hidden_layers: [2, 3] } }"));

        var result = DefinitionReading.Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(new Tuner.Search.Spaces.ParameterCondition("hidden_layers", [2L, 3L]), result.Definition!.Space[1].When);
    }

    [Fact]
    public void Parse_ReportsConditionOnAFloatParent()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n',
            "  dropout: { type: float, low: 0.0, high: 0.5 }",
            "  momentum: { type: float, low: 0.5, high: 0.9, when: { dropout: 0.1 } }"));

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(new DefinitionProblem("space.momentum.when.dropout", "when can refer only to a categorical or int parameter, but 'dropout' is float", 6), problem);
    }

    [Fact]
    public void Parse_ReportsConditionsThatFormACycle_FromTheSearchSpaceRules()
    {
        var text = DefinitionTexts.Minimal(string.Join('\n',
            "  optimizer: { type: categorical, choices: [adam, sgd], when: { hidden_layers: 2 } }",
            "  hidden_layers: { type: int, low: 1, high: 2, when: { optimizer: sgd } }"));

        var problems = DefinitionReading.Parse(text).Problems;

        Assert.Equal([("space.optimizer", 5), ("space.hidden_layers", 6)], problems.Select(problem => (problem.Path, problem.Line ?? 0)));
        Assert.All(problems, problem => Assert.StartsWith("conditions must not form a cycle", problem.Message));
    }
}
