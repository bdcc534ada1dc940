using Tuner.Search.Spaces;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads one space entry: <c>{ type: float|int|categorical, ... , when }</c>, or a plain value that fixes
/// the parameter for every trial (kept as a categorical with one choice).</summary>
internal static class ParameterReader
{
    private static readonly string[] Types = ["float", "int", "categorical"];
    private static readonly string[] NumericKeys = ["type", "low", "high", "log", "step", "when"];
    private static readonly string[] CategoricalKeys = ["type", "choices", "when"];

    public static ParsedParameter Read(YamlNode keyNode, YamlNode node, string path, ProblemCollector problems, DefinitionLimits limits)
    {
        var name = MappingReader.KeyText(keyNode);
        if (node is not YamlMappingNode) return ReadFixed(name, path, keyNode, node, problems);

        var entry = MappingReader.Open(node, path, problems, knownKeys: null)!;
        var type = entry.OneOf("type", Types, "parameter type", required: true);
        ReportKeysOutsideType(entry, type);
        var values = new List<ParameterValue>();
        Distribution? distribution = type switch
        {
            "float" => FloatParameterReader.Read(entry, values),
            "int" => IntParameterReader.Read(entry, values),
            "categorical" => CategoricalParameterReader.Read(entry, values, limits.MaxChoices),
            _ => null,
        };
        return new ParsedParameter(name, path, keyNode, distribution, ConditionReader.Read(entry), values);
    }

    private static ParsedParameter ReadFixed(string name, string path, YamlNode keyNode, YamlNode node, ProblemCollector problems)
    {
        if (ScalarValues.ToValue(node) is { } value)
        {
            return new ParsedParameter(name, path, keyNode, new CategoricalDistribution([value]), null, [new ParameterValue(value, path, node)]);
        }

        problems.Add(path, $"expected a parameter like {{ type: float, low: 0.1, high: 0.5 }} or a fixed value, got {ScalarValues.Describe(node)}", node);
        return new ParsedParameter(name, path, keyNode, null, null, []);
    }

    private static void ReportKeysOutsideType(MappingReader entry, string? type)
    {
        var allowed = type switch
        {
            "float" or "int" => NumericKeys,
            "categorical" => CategoricalKeys,
            _ => NumericKeys.Union(CategoricalKeys).ToArray(),
        };
        foreach (var keyNode in entry.Node.Children.Keys)
        {
            var key = MappingReader.KeyText(keyNode);
            if (allowed.Contains(key)) continue;
            var message = NumericKeys.Contains(key) || CategoricalKeys.Contains(key)
                ? $"'{key}' does not apply to type {type}; {type} takes: {KeySuggestions.List(allowed.Except(["type"]))}"
                : $"unknown key '{key}'{KeySuggestions.DidYouMean(key, allowed)}";
            entry.Problems.Add(entry.PathOf(key), message, keyNode);
        }
    }
}
