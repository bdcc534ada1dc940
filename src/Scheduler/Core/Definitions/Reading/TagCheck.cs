using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>
/// Reports every YAML tag (<c>!!python/object:...</c>, <c>!!str</c>, <c>!custom</c>): a definition is plain data, and
/// a tag would otherwise be dropped without a word. Each tagged node is reported once, at its path and line, even when
/// aliases make it appear in several places.
/// </summary>
internal static class TagCheck
{
    public static void Check(YamlNode root, ProblemCollector problems) =>
        Visit(root, "", problems, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Visit(YamlNode node, string path, ProblemCollector problems, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node)) return;
        if (!node.Tag.IsEmpty)
        {
            problems.Add(path, $"YAML tags are not supported, but got '{node.Tag}'; write the value without it", node);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var keyText = MappingReader.KeyText(key);
                    var at = path.Length == 0 ? keyText : $"{path}.{keyText}";
                    Visit(key, at, problems, seen);
                    Visit(value, at, problems, seen);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], $"{path}[{i}]", problems, seen);
                }

                break;
        }
    }
}
