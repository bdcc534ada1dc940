using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

public sealed class SyntaxProblemTests
{
    [Fact]
    public void Parse_ReportsYamlSyntaxError_WithItsLineAndColumn()
    {
        var text = DefinitionTexts.Lines("name: broken", "workload: { kind: mnist-mlp, max_epochs: 2 }", "objective: metric: val_loss");

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(new DefinitionProblem("", "invalid YAML at line 3, column 18: while scanning a plain scalar value, found invalid mapping.", 3), problem);
    }

    [Fact]
    public void Parse_ReportsBadIndentation_WithItsLine()
    {
        var text = DefinitionTexts.Lines("name: broken", "budget:", "  max_trials: 4", " parallelism: 2");

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(4, problem.Line);
        Assert.StartsWith("invalid YAML at line 4", problem.Message);
    }

    [Fact]
    public void Parse_ReportsUnclosedBraceInYaml_AtTheLineItOpens()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Lines("name: broken", "workload: { kind: mnist-mlp, max_epochs: 2", "budget: 3"));

        Assert.Equal(2, problem.Line);
        Assert.StartsWith("invalid YAML at line 2, column ", problem.Message);
    }

    [Fact]
    public void Parse_ReportsDuplicateKey_WithItsLine()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "budget: { max_trials: 5 }\n");

        Assert.Equal(7, problem.Line);
        Assert.Equal("invalid YAML at line 7, column 1: duplicate key budget", problem.Message);
    }

    [Fact]
    public void Parse_ReportsJsonSyntaxError_WithItsLineAndColumn()
    {
        var json = "{\n  \"name\": \"broken\",\n  \"budget\": { \"max_trials\": 4, }\n}";

        var problem = DefinitionTexts.SingleProblem(json);

        Assert.Equal(3, problem.Line);
        Assert.Equal("invalid JSON at line 3, column 32: the JSON object contains a trailing comma at the end which is not supported in this mode.", problem.Message);
    }

    [Fact]
    public void Parse_ReportsJsonProblems_AtTheLineOfTheOffendingValue()
    {
        var json = DefinitionTexts.Lines(
            "{",
            "  \"name\": \"small\",",
            "  \"workload\": { \"kind\": \"mnist-mlp\", \"max_epochs\": 2 },",
            "  \"objective\": { \"metric\": \"val_loss\" },",
            "  \"space\": { \"dropout\": { \"type\": \"float\", \"low\": 0.0, \"high\": 0.5 } },",
            "  \"budget\": {",
            "    \"max_trials\": 4,",
            "    \"parallelism\": 0",
            "  }",
            "}");

        var problem = DefinitionTexts.SingleProblem(json);

        Assert.Equal(new DefinitionProblem("budget.parallelism", "parallelism must be at least 1, but got 0", 8), problem);
    }

    [Fact]
    public void Parse_ReportsJsonStringWhereANumberBelongs()
    {
        var json = """{ "name": "s", "workload": { "kind": "mnist-mlp", "max_epochs": "6" }, "objective": { "metric": "val_loss" }, "space": { "optimizer": "sgd" }, "budget": { "max_trials": 1 } }""";

        var problem = DefinitionTexts.SingleProblem(json);

        Assert.Equal(new DefinitionProblem("workload.max_epochs", "expected an integer, got the string '6'", 1), problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void Parse_ReportsEmptyDefinition(string text)
    {
        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(new DefinitionProblem("", "the definition is empty"), problem);
    }

    [Fact]
    public void Parse_ReportsDocumentThatIsNotAMapping()
    {
        var problem = DefinitionTexts.SingleProblem("- name: a\n- name: b\n");

        Assert.Equal(new DefinitionProblem("", "expected a mapping, got a list", 1), problem);
    }

    [Fact]
    public void Parse_ReportsSecondDocument()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "---\nname: other\n");

        Assert.Equal(new DefinitionProblem("", "expected one document, found 2", 8), problem);
    }

    [Fact]
    public void Parse_ReadsYamlWhenTheFormatIsForced_EvenIfItStartsWithABrace()
    {
        var result = DefinitionReading.Parse("{ name: flow-yaml }", DefinitionFormat.Yaml);

        Assert.DoesNotContain(result.Problems, problem => problem.Message.StartsWith("invalid", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "workload");
    }
}
