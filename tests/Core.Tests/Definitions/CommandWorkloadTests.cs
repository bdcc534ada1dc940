using Tuner.Core.Definitions;
using Tuner.TestSupport;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Core.Tests.Definitions;

/// <summary>A command workload's definition: the argument vector, its placeholders against the space, its settings.</summary>
public sealed class CommandWorkloadTests
{
    private static string Command(string workload, string objective = "objective: { metric: val_loss, direction: minimize }") => DefinitionTexts.Lines(
        "name: cmd",
        workload,
        objective,
        "space:",
        "  learning_rate: { type: float, low: 0.001, high: 0.1, log: true }",
        "budget: { max_trials: 4 }");

    [Fact]
    public void Parse_ReadsTheArgumentVectorAndSettings_WithDefaults()
    {
        var definition = DefinitionReading.Parse(Command(
            "workload: { kind: command, max_epochs: 5, command: [python3, train.py, --lr, '{learning_rate}'], env: { OMP_NUM_THREADS: 2 } }")).Definition!;

        Assert.Equal("command", definition.Workload.Name);
        Assert.Null(definition.Workload.Workload);
        var command = definition.Workload.Command!;
        Assert.Equal(["python3", "train.py", "--lr", "{learning_rate}"], command.Command);
        Assert.Equal(new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "2" }, command.Environment);
        Assert.Equal((null, "json", 20, TimeSpan.FromSeconds(10), false),
            (command.WorkingDirectory, command.Metrics, command.StderrLines, command.StopGrace, command.ConsecutiveSteps));
    }

    [Fact]
    public void Parse_ReportsAPlaceholderThatIsNotAParameterOfTheSpace()
    {
        var problem = DefinitionTexts.SingleProblem(Command("workload: { kind: command, max_epochs: 5, command: [train, '--lr={learning_rat}'] }"));

        Assert.Equal(("workload.command", 2), (problem.Path, problem.Line));
        Assert.Equal("{learning_rat} is not a parameter of the space (did you mean 'learning_rate'?); placeholders may name: learning_rate", problem.Message);
    }

    [Fact]
    public void Parse_ReportsABraceLeftOpen()
    {
        var problem = DefinitionTexts.SingleProblem(Command("workload: { kind: command, max_epochs: 5, command: [train, '{learning_rate'] }"));

        Assert.Equal("workload.command", problem.Path);
        Assert.Contains("never closed", problem.Message);
    }

    [Theory]
    [InlineData("command: train.py", "command must be a list of text values, the program first (no shell runs it), got 'train.py'")]
    [InlineData("command: []", "command must name a program, but it is an empty list")]
    public void Parse_ReportsACommandThatIsNotAnArgumentVector(string line, string message)
    {
        var problem = DefinitionTexts.SingleProblem(Command($"workload: {{ kind: command, max_epochs: 5, {line} }}"));

        Assert.Equal(("workload.command", message), (problem.Path, problem.Message));
    }

    [Fact]
    public void Parse_ReadsTheEvaluateCommand_WithTheCommandsRules()
    {
        var definition = DefinitionReading.Parse(Command(DefinitionTexts.Lines(
            "workload:",
            "  kind: command",
            "  max_epochs: 5",
            "  command: [python3, train.py, --lr, '{learning_rate}']",
            "  evaluate: [python3, train.py, --evaluate, --lr, '{learning_rate}', '--tag={{eval}}']").TrimEnd())).Definition!;

        Assert.Equal(["python3", "train.py", "--evaluate", "--lr", "{learning_rate}", "--tag={{eval}}"], definition.Workload.Command!.Evaluate);
    }

    [Fact]
    public void Parse_ReadsThePyTorchExample_WhoseEvaluateCommandIsItsTrainingScript()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "pytorch-mnist", "sweep.yaml"));

        var result = DefinitionReading.Parse(text);

        Assert.Empty(result.Problems);
        var command = result.Definition!.Workload.Command!;
        Assert.Equal(command.Command, command.Evaluate);
    }

    [Fact]
    public void Parse_LeavesTheEvaluateCommandOut_WhenTheDefinitionNamesNone()
    {
        var definition = DefinitionReading.Parse(Command("workload: { kind: command, max_epochs: 5, command: [train] }")).Definition!;

        Assert.Null(definition.Workload.Command!.Evaluate);
    }

    [Fact]
    public void Parse_ReportsAnEvaluatePlaceholderThatIsNotAParameterOfTheSpace_AtItsPath()
    {
        var problem = DefinitionTexts.SingleProblem(Command(
            "workload: { kind: command, max_epochs: 5, command: [train, '--lr={learning_rate}'], evaluate: [score, '--lr={learning_rat}'] }"));

        Assert.Equal(("workload.evaluate", 2), (problem.Path, problem.Line));
        Assert.Equal("{learning_rat} is not a parameter of the space (did you mean 'learning_rate'?); placeholders may name: learning_rate", problem.Message);
    }

    [Fact]
    public void Parse_ReportsAnEvaluateBraceLeftOpen()
    {
        var problem = DefinitionTexts.SingleProblem(Command("workload: { kind: command, max_epochs: 5, command: [train], evaluate: [score, '{learning_rate'] }"));

        Assert.Equal("workload.evaluate", problem.Path);
        Assert.Contains("never closed", problem.Message);
    }

    [Theory]
    [InlineData("evaluate: score.py", "evaluate must be a list of text values, the program first (no shell runs it), got 'score.py'")]
    [InlineData("evaluate: { program: score }", "evaluate must be a list of text values, the program first (no shell runs it), got a mapping")]
    [InlineData("evaluate: []", "evaluate must name a program, but it is an empty list")]
    [InlineData("evaluate: ['  ']", "evaluate's first value must name the program")]
    public void Parse_ReportsAnEvaluateThatIsNotAnArgumentVector(string line, string message)
    {
        var problem = DefinitionTexts.SingleProblem(Command($"workload: {{ kind: command, max_epochs: 5, command: [train], {line} }}"));

        Assert.Equal(("workload.evaluate", message), (problem.Path, problem.Message));
    }

    [Fact]
    public void Parse_AsksForTheObjectivesDirection_SinceNothingDeclaresTheMetric()
    {
        var problem = DefinitionTexts.SingleProblem(Command("workload: { kind: command, max_epochs: 5, command: [train] }", "objective: { metric: bleu }"));

        Assert.Equal("objective.direction", problem.Path);
        Assert.Equal("a command workload's objective needs a direction (maximize or minimize): its program declares no metrics", problem.Message);
    }

    [Fact]
    public void Parse_RefusesToSetTunersOwnVariables_AndUnknownKeys()
    {
        var problems = DefinitionReading.Parse(Command(
            "workload: { kind: command, max_epochs: 5, command: [train], env: { TUNER_SEED: 1 }, shell: true }")).Problems;

        Assert.Equal(["workload.env.TUNER_SEED", "workload.shell"], problems.Select(p => p.Path).Order());
        Assert.Contains(problems, p => p.Message == "TUNER_SEED is set by Tuner itself (docs/command-workload.md); choose another name");
    }
}
