namespace Tuner.Search.Spaces;

/// <summary>Thrown by <see cref="SearchSpace.Create"/> with every problem of the specs at once.</summary>
public sealed class SearchSpaceException : Exception
{
    public SearchSpaceException(IReadOnlyList<SearchSpaceProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<SearchSpaceProblem> Problems { get; }

    private static string Describe(IReadOnlyList<SearchSpaceProblem> problems) =>
        $"the search space has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}: " + string.Join("; ", problems);
}
