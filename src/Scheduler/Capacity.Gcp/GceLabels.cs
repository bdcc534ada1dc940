using System.Text;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Compute Engine label rules: keys and values hold only lowercase letters, digits, '-' and '_', at most 63 characters;
/// keys start with a letter. Sanitising lowercases, turns every other character into '_', cuts at 63, and puts "l-"
/// before a key that does not start with a letter. Tuner's own labels win over a sweep label that sanitises to the same key.
/// </summary>
public static class GceLabels
{
    public const int MaxLength = 63;

    public static IReadOnlyDictionary<string, string> For(LaunchRequest request)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Labels)
            labels[Key(key)] = Value(value);
        labels[InstanceTags.Deployment] = Value(request.Deployment);
        labels[InstanceTags.LaunchToken] = Value(request.LaunchToken);
        labels[InstanceTags.Pool] = Value(request.Pool);
        return labels;
    }

    public static string Key(string key)
    {
        var clean = Clean(key);
        var keyed = clean.Length > 0 && char.IsAsciiLetterLower(clean[0]) ? clean : "l-" + clean;
        return Cut(keyed);
    }

    public static string Value(string value) => Cut(Clean(value));

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' ? c : '_');
        return builder.ToString();
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength];
}
