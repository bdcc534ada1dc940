using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

/// <summary>Documents shaped to hurt the parser: nesting that would overflow the stack, and YAML tags that would be dropped.</summary>
public sealed class NestingAndTagTests
{
    [Theory]
    [InlineData(DefinitionFormat.Yaml)]
    [InlineData(DefinitionFormat.Json)]
    public void Parse_Reports100000NestedBrackets_AsTooDeep_WithoutOverflowingTheStack(DefinitionFormat format)
    {
        var text = "name: deep\nspace: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        if (format == DefinitionFormat.Json) text = "{\"space\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal("", problem.Path);
        Assert.Contains(format == DefinitionFormat.Json ? "depth" : "nested deeper than 64 levels", problem.Message);
        Assert.StartsWith($"invalid {format.ToString().ToUpperInvariant()} at line", problem.Message);
    }

    [Fact]
    public void Parse_ReportsNestingOneLevelTooDeep_AtTheLineWhereItHappens()
    {
        var open = string.Concat(Enumerable.Repeat("{a: ", 64));
        var text = DefinitionTexts.Lines("name: deep", "labels: " + open + "x" + new string('}', 64));

        var problem = DefinitionTexts.SingleProblem(text);

        Assert.Equal(2, problem.Line);
        Assert.StartsWith("invalid YAML at line 2, column 261: mappings and lists are nested deeper than 64 levels here", problem.Message);
    }

    [Fact]
    public void Parse_ReadsNestingOf64Levels_AsOrdinaryYaml()
    {
        var open = string.Concat(Enumerable.Repeat("[", 62));
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal() + "labels: { team: " + open + new string(']', 62) + " }\n");

        Assert.DoesNotContain(result.Problems, problem => problem.Message.StartsWith("invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsEveryYamlTag_WithItsPathAndLine()
    {
        var text = DefinitionTexts.Lines(
            "name: !!python/object:os.system tagged",
            "workload: { kind: mnist-mlp, max_epochs: 2 }",
            "objective: { metric: val_loss }",
            "space:",
            "  learning_rate: !custom { type: float, low: 0.001, high: 0.1 }",
            "  batch_size: { type: categorical, choices: [32, !!str 64] }",
            "budget: { max_trials: 4 }");

        var result = DefinitionReading.Parse(text);

        Assert.Null(result.Definition);
        Assert.Equal(
            [
                new DefinitionProblem("name", "YAML tags are not supported, but got 'tag:yaml.org,2002:python/object:os.system'; write the value without it", 1),
                new DefinitionProblem("space.learning_rate", "YAML tags are not supported, but got '!custom'; write the value without it", 5),
                new DefinitionProblem("space.batch_size.choices[1]", "YAML tags are not supported, but got 'tag:yaml.org,2002:str'; write the value without it", 6),
            ],
            result.Problems.Where(problem => problem.Message.StartsWith("YAML tags", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_ReportsATaggedNodeOnce_WhenAliasesRepeatIt()
    {
        var text = DefinitionTexts.Minimal() + DefinitionTexts.Lines("labels:", "  a: &x !secret v", "  b: *x", "  c: *x");

        var result = DefinitionReading.Parse(text);

        var problem = Assert.Single(result.Problems, problem => problem.Message.StartsWith("YAML tags", StringComparison.Ordinal));
        Assert.Equal(("labels.a", 8), (problem.Path, problem.Line));
    }
}
