namespace Tuner.Search.Spaces;

/// <summary>One thing wrong with a search space: the parameter it concerns and what the rule is.</summary>
public sealed record SearchSpaceProblem(string Parameter, string Message)
{
    public override string ToString() => $"{Parameter}: {Message}";
}
