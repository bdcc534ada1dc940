using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Gathers the problems of one parse, each with the line of the node it is about.</summary>
internal sealed class ProblemCollector
{
    private readonly List<DefinitionProblem> problems = [];

    public int Count => problems.Count;

    public void Add(string path, string message, YamlNode? at) => problems.Add(new DefinitionProblem(path, message, LineOf(at)));

    public void Add(string path, string message, int? line) => problems.Add(new DefinitionProblem(path, message, line));

    /// <summary>Problems ordered by line (document-level ones without a line last), ties in the order found.</summary>
    public IReadOnlyList<DefinitionProblem> InLineOrder() =>
        problems.Distinct().OrderBy(problem => problem.Line ?? int.MaxValue).ToList();

    private static int? LineOf(YamlNode? node) => node is null || node.Start.Line <= 0 ? null : (int)node.Start.Line;
}
