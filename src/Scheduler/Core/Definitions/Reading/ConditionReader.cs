using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>when: { parent: value }</c> or <c>when: { parent: [values] }</c>: the entry is sampled only
/// when the parent parameter took one of the values. The parent is resolved later by <see cref="ConditionCheck"/>.</summary>
internal static class ConditionReader
{
    public static ConditionDraft? Read(MappingReader entry)
    {
        var when = entry.Section("when", knownKeys: null, required: false);
        if (when is null) return null;
        if (when.Node.Children.Count != 1)
        {
            var message = when.Node.Children.Count == 0
                ? "when must name one parent parameter, e.g. when: { optimizer: sgd }"
                : $"when can name only one parent parameter, but got {when.Node.Children.Count}: {KeySuggestions.List(when.Node.Children.Keys.Select(MappingReader.KeyText))}";
            when.Problems.Add(when.Path, message, when.Node);
            return null;
        }

        var (parentNode, valueNode) = when.Node.Children.First();
        var parent = MappingReader.KeyText(parentNode);
        var valueNodes = valueNode is YamlSequenceNode list ? list.Children.ToList() : [valueNode];
        var values = valueNodes.Select(ScalarValues.ToValue).ToList();
        if (values.Count == 0 || values.Any(value => value is null))
        {
            var got = values.Count == 0 ? "an empty list" : ScalarValues.Describe(valueNodes[values.IndexOf(null)]);
            when.Problems.Add(when.PathOf(parent), $"when needs one or more values of '{parent}', each a text, number or boolean, got {got}", valueNode);
            return null;
        }

        return new ConditionDraft(parent, values.OfType<object>().ToList(), when.Path, parentNode, valueNodes);
    }
}
