using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads one YAML mapping: reports keys it does not know, values of the wrong type and missing required
/// keys, each at its dotted path. Getters return null (or the default) where a problem was reported.</summary>
internal sealed class MappingReader
{
    private MappingReader(YamlMappingNode node, string path, ProblemCollector problems)
    {
        Node = node;
        Path = path;
        Problems = problems;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public ProblemCollector Problems { get; }

    /// <summary>A reader for <paramref name="node"/>, or null (with a problem) when it is not a mapping.
    /// With <paramref name="knownKeys"/>, every other key is reported as unknown.</summary>
    public static MappingReader? Open(YamlNode node, string path, ProblemCollector problems, IReadOnlyCollection<string>? knownKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(path, $"expected a mapping, got {ScalarValues.Describe(node)}", node);
            return null;
        }

        var reader = new MappingReader(mapping, path, problems);
        if (knownKeys is not null) reader.ReportUnknownKeys(knownKeys);
        return reader;
    }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value under <paramref name="key"/>; null when the key is absent or its value is YAML null.</summary>
    public YamlNode? Find(string key)
    {
        foreach (var (keyNode, value) in Node.Children)
        {
            if (KeyText(keyNode) == key) return ScalarValues.IsNull(value) ? null : value;
        }

        return null;
    }

    public YamlNode? Require(string key)
    {
        var value = Find(key);
        if (value is null) Problems.Add(PathOf(key), $"missing required key '{key}'", Node);
        return value;
    }

    public MappingReader? Section(string key, IReadOnlyCollection<string>? knownKeys, bool required)
    {
        var value = required ? Require(key) : Find(key);
        return value is null ? null : Open(value, PathOf(key), Problems, knownKeys);
    }

    public string? String(string key, bool required)
    {
        var value = required ? Require(key) : Find(key);
        if (value is null) return null;
        if (value is YamlScalarNode scalar) return scalar.Value ?? "";
        Problems.Add(PathOf(key), $"expected a text value, got {ScalarValues.Describe(value)}", value);
        return null;
    }

    /// <summary>A value from <paramref name="known"/>; an unknown one is reported with a suggestion and the list.</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> known, string what, bool required)
    {
        var text = String(key, required);
        if (text is null || known.Contains(text)) return text;
        Problems.Add(PathOf(key), $"unknown {what} '{text}'{KeySuggestions.DidYouMean(text, known)}; known: {KeySuggestions.List(known)}", Find(key));
        return null;
    }

    public long? Integer(string key, bool required, long min = long.MinValue, long max = long.MaxValue)
    {
        var value = required ? Require(key) : Find(key);
        if (value is null) return null;
        if (!ScalarValues.TryInteger(value, out var integer))
        {
            Problems.Add(PathOf(key), $"expected an integer, got {ScalarValues.Describe(value)}", value);
            return null;
        }

        return InRange(key, value, integer, min, max) ? integer : null;
    }

    public int? Int(string key, bool required, int min = int.MinValue) =>
        (int?)Integer(key, required, min, int.MaxValue);

    public double? Number(string key, bool required)
    {
        var value = required ? Require(key) : Find(key);
        if (value is null) return null;
        if (ScalarValues.TryNumber(value, out var number)) return number;
        Problems.Add(PathOf(key), $"expected a number, got {ScalarValues.Describe(value)}", value);
        return null;
    }

    public bool? Boolean(string key)
    {
        var value = Find(key);
        if (value is null) return null;
        if (ScalarValues.TryBoolean(value, out var boolean)) return boolean;
        Problems.Add(PathOf(key), $"expected true or false, got {ScalarValues.Describe(value)}", value);
        return null;
    }

    /// <summary>A duration like '30s', '5m' or '1h' of at most <paramref name="longest"/>; with
    /// <paramref name="allowZero"/>, 0 too.</summary>
    public TimeSpan? Duration(string key, TimeSpan longest, bool allowZero = false)
    {
        var node = Find(key);
        if (node is null) return null;
        var text = ScalarValues.ToValue(node) switch
        {
            string s => s.Trim(),
            long n when n == 0 => "0",
            _ => null,
        };
        if (allowZero && text is "0" or "0s") return TimeSpan.Zero;
        if (text is not null && DurationText.TryParse(text, out var duration) && (allowZero || duration > TimeSpan.Zero))
        {
            if (duration <= longest) return duration;
            Problems.Add(PathOf(key), $"{key} must be at most {DurationText.Format(longest)}, but got '{text}'", node);
            return null;
        }

        Problems.Add(PathOf(key), $"expected a duration like '5m', '30s' or '1h'{(allowZero ? " (or 0 for none)" : "")}, got {ScalarValues.Describe(node)}", node);
        return null;
    }

    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : ScalarValues.Describe(key);

    private bool InRange(string key, YamlNode value, long integer, long min, long max)
    {
        if (integer < min) Problems.Add(PathOf(key), $"{key} must be at least {min}, but got {integer}", value);
        else if (integer > max) Problems.Add(PathOf(key), $"{key} must be at most {max}, but got {integer}", value);
        else return true;
        return false;
    }

    public void ReportUnknownKeys(IReadOnlyCollection<string> knownKeys)
    {
        foreach (var keyNode in Node.Children.Keys)
        {
            var key = KeyText(keyNode);
            if (knownKeys.Contains(key)) continue;
            var suggestion = KeySuggestions.DidYouMean(key, knownKeys);
            var message = suggestion.Length > 0
                ? $"unknown key '{key}'{suggestion}"
                : $"unknown key '{key}'; known keys: {KeySuggestions.List(knownKeys)}";
            Problems.Add(PathOf(key), message, keyNode);
        }
    }
}
