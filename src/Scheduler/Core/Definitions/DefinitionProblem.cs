namespace Tuner.Core.Definitions;

/// <summary>One rule a sweep definition breaks.</summary>
/// <param name="Path">Where, as dotted keys ("space.learning_rate.low", "budget.parallelism"); "" for the whole document.</param>
/// <param name="Message">What is wrong, naming the value and the rule.</param>
/// <param name="Line">The 1-based line of the offending node in the submitted text, when known.</param>
public sealed record DefinitionProblem(string Path, string Message, int? Line = null)
{
    public override string ToString() => Line is { } line ? $"{Path}: {Message} (line {line})" : $"{Path}: {Message}";
}
