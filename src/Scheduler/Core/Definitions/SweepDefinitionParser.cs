using Tuner.Core.Definitions.Reading;
using Tuner.Core.Workloads;

namespace Tuner.Core.Definitions;

/// <summary>Reads a sweep definition from YAML or JSON and checks it, reporting every problem in one pass.</summary>
/// <remarks>JSON is syntax-checked with System.Text.Json, then read through YamlDotNet (JSON is valid YAML flow
/// syntax), so problems in both formats carry the line of the offending node. The workload the document names is
/// resolved through the catalog first (a plugin's bundle may have to be fetched), so the space, the options and the
/// objective are checked against that workload's own declarations.</remarks>
public static class SweepDefinitionParser
{
    /// <param name="catalog">The workloads a definition may name.</param>
    /// <param name="limits">What the definition may ask; null: the defaults of <see cref="DefinitionLimits"/>.</param>
    public static async Task<DefinitionParseResult> ParseAsync(
        string text, IWorkloadCatalog catalog, CancellationToken ct, DefinitionFormat format = DefinitionFormat.Auto, DefinitionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemCollector();
        var root = DocumentLoader.Load(text, format, problems);
        if (root is not null) TagCheck.Check(root, problems);
        if (root is null) return new DefinitionParseResult(null, problems.InLineOrder());

        var reference = WorkloadReader.PeekReference(root);
        var workload = reference is not null && catalog.Kinds.Contains(reference.Kind) ? await catalog.ResolveAsync(reference, ct) : null;
        var definition = SweepReader.Read(root, problems, limits ?? new DefinitionLimits(), catalog.Kinds, workload);
        return new DefinitionParseResult(problems.Count == 0 ? definition : null, problems.InLineOrder());
    }
}
