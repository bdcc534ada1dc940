using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>labels: { key: value }</c>: free-form tags; values are kept as the text written.</summary>
internal static partial class LabelsReader
{
    private const int MaxValueLength = 256;

    public static IReadOnlyDictionary<string, string> Read(MappingReader document)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = document.Section("labels", knownKeys: null, required: false);
        if (section is null) return labels;

        foreach (var (keyNode, value) in section.Node.Children)
        {
            var key = MappingReader.KeyText(keyNode);
            var path = section.PathOf(key);
            if (!KeyPattern().IsMatch(key))
            {
                section.Problems.Add(path, $"label keys must be 1-63 letters, digits, '.', '_', '/' or '-', starting with a letter or digit, but got '{key}'", keyNode);
            }
            else if (value is not YamlScalarNode scalar || ScalarValues.IsNull(value))
            {
                section.Problems.Add(path, $"expected a text value, got {ScalarValues.Describe(value)}", value);
            }
            else if ((scalar.Value ?? "").Length > MaxValueLength)
            {
                section.Problems.Add(path, $"label values must be at most {MaxValueLength} characters, but got {scalar.Value!.Length}", value);
            }
            else
            {
                labels[key] = scalar.Value ?? "";
            }
        }

        return labels;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$")]
    private static partial Regex KeyPattern();
}
