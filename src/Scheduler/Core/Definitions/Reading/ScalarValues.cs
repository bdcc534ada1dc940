using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Typed readings of YAML scalars. A quoted scalar is always a string; a plain one is null, a boolean,
/// an integer, a number or a string, decided by its text (YAML 1.2 core schema, which JSON's values also follow).</summary>
internal static class ScalarValues
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static bool TryInteger(YamlNode node, out long value)
    {
        value = 0;
        return IsPlain(node, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryNumber(YamlNode node, out double value)
    {
        value = 0;
        return IsPlain(node, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static bool TryBoolean(YamlNode node, out bool value)
    {
        value = false;
        return IsPlain(node, out var text) && bool.TryParse(text, out value);
    }

    /// <summary>The scalar as string, bool, long or double; null for a YAML null or a node that is not a scalar.</summary>
    public static object? ToValue(YamlNode node)
    {
        if (node is not YamlScalarNode scalar || IsNull(node)) return null;
        if (!IsPlain(node, out var text)) return scalar.Value ?? "";
        if (TryBoolean(node, out var boolean)) return boolean;
        if (TryInteger(node, out var integer)) return integer;
        if (TryNumber(node, out var number)) return number;
        return text;
    }

    /// <summary>A value as a message shows it: 'adam', 'true', '0.001'.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        bool boolean => boolean ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>What a node is, for "expected X, got Y" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the string '{scalar.Value}'",
        _ => "an unsupported node",
    };

    /// <summary>The node's source text, for messages that echo a value as it was written.</summary>
    public static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : Describe(node);

    private static bool IsPlain(YamlNode node, out string text)
    {
        text = node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
        return node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };
    }
}
