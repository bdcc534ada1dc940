using Tuner.Core.Definitions.Reading;

namespace Tuner.Core.Definitions;

/// <summary>Reads a sweep definition from YAML or JSON and checks it, reporting every problem in one pass.</summary>
/// <remarks>JSON is syntax-checked with System.Text.Json, then read through YamlDotNet (JSON is valid YAML flow
/// syntax), so problems in both formats carry the line of the offending node.</remarks>
public static class SweepDefinitionParser
{
    /// <param name="limits">What the definition may ask; null: the defaults of <see cref="DefinitionLimits"/>.</param>
    public static DefinitionParseResult Parse(string text, DefinitionFormat format = DefinitionFormat.Auto, DefinitionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemCollector();
        var root = DocumentLoader.Load(text, format, problems);
        if (root is not null) TagCheck.Check(root, problems);
        var definition = root is null ? null : SweepReader.Read(root, problems, limits ?? new DefinitionLimits());
        return new DefinitionParseResult(problems.Count == 0 ? definition : null, problems.InLineOrder());
    }
}
