using System.Diagnostics.CodeAnalysis;

namespace Tuner.Core.Definitions;

/// <summary>What <see cref="SweepDefinitionParser.ParseAsync"/> found: a definition, or every problem that prevents one.</summary>
public sealed record DefinitionParseResult(SweepDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    /// <summary>Problems keyed by path, each message ending in "(line N)" when the line is known; the shape
    /// <c>TypedResults.ValidationProblem</c> takes.</summary>
    public IDictionary<string, string[]> ToValidationErrors() =>
        Problems
            .GroupBy(problem => problem.Path, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.Select(WithLine).Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);

    private static string WithLine(DefinitionProblem problem) =>
        problem.Line is { } line ? $"{problem.Message} (line {line})" : problem.Message;
}
