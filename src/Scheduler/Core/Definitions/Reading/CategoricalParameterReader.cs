using Tuner.Search.Spaces;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>{ type: categorical, choices: [...] }</c>: distinct single values (text, numbers, booleans), at most
/// <c>maxChoices</c> of them; the duplicate check is one hash lookup per choice.</summary>
internal static class CategoricalParameterReader
{
    public static CategoricalDistribution? Read(MappingReader entry, List<ParameterValue> values, int maxChoices)
    {
        var node = entry.Require("choices");
        if (node is null) return null;
        var path = entry.PathOf("choices");
        if (node is not YamlSequenceNode list)
        {
            entry.Problems.Add(path, $"expected a list of values, got {ScalarValues.Describe(node)}", node);
            return null;
        }

        if (list.Children.Count == 0)
        {
            entry.Problems.Add(path, "choices must list at least one value, but the list is empty", node);
            return null;
        }

        if (list.Children.Count > maxChoices)
        {
            entry.Problems.Add(path, LimitMessage.Text("choices", "values", maxChoices, list.Children.Count, "MAX_CHOICES"), node);
            return null;
        }

        var before = entry.Problems.Count;
        var choices = new List<object>();
        var distinct = new HashSet<object>();
        foreach (var item in list.Children)
        {
            var value = ScalarValues.ToValue(item);
            if (value is null)
                entry.Problems.Add(path, $"each choice must be a single text, number or boolean, got {ScalarValues.Describe(item)}", item);
            else if (!distinct.Add(value))
                entry.Problems.Add(path, $"choices must be distinct, but '{ScalarValues.Format(value)}' appears more than once", item);
            else
            {
                choices.Add(value);
                values.Add(new ParameterValue(value, path, item));
            }
        }

        return entry.Problems.Count == before ? new CategoricalDistribution(choices) : null;
    }
}
