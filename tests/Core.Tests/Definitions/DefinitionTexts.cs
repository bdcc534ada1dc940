using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;
using Tuner.TestSupport;

namespace Tuner.Core.Tests.Definitions;

/// <summary>Definition texts for the parser tests: the shipped example, and documents written line by line so a
/// test can say which line a problem is on.</summary>
internal static class DefinitionTexts
{
    public static string MnistMlpExample() => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "mnist-mlp.yaml"));

    /// <summary>Lines joined with '\n': line N of the document is <c>lines[N - 1]</c>.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>A small valid document; line 5 is the space entry, so tests can swap it for a broken one.</summary>
    public static string Minimal(string spaceEntry = "  learning_rate: { type: float, low: 0.001, high: 0.1, log: true }") => Lines(
        "name: small",
        "workload: { kind: mnist-mlp, max_epochs: 2 }",
        "objective: { metric: val_loss }",
        "space:",
        spaceEntry,
        "budget: { max_trials: 4 }");

    public static DefinitionProblem SingleProblem(string text, DefinitionLimits? limits = null)
    {
        var result = DefinitionReading.Parse(text, limits: limits);
        Assert.Null(result.Definition);
        return Assert.Single(result.Problems);
    }
}
