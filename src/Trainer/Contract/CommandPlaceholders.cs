using System.Globalization;
using System.Text;

namespace Tuner.Workloads;

/// <summary>
/// The placeholders of a command's argument vector: <c>{name}</c> stands for the trial's parameter <c>name</c>
/// (letters, digits, <c>_</c>, <c>.</c> or <c>-</c>), <c>{{</c> for <c>{</c> and <c>}}</c> for <c>}</c>. Any other
/// brace is an error, so a typo is caught when the sweep is submitted rather than passed to the program.
/// </summary>
public static class CommandPlaceholders
{
    /// <summary>The parameter names <paramref name="argv"/> uses, each once, in order of first use. Throws
    /// <see cref="FormatException"/> for a brace that is neither a placeholder nor an escape.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<string> argv)
    {
        var names = new List<string>();
        for (var i = 0; i < argv.Count; i++)
        {
            Expand(argv, i, name =>
            {
                if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
                return "";
            });
        }
        return names;
    }

    /// <summary><paramref name="argv"/> with every placeholder replaced by its parameter's value, formatted with the
    /// invariant culture (doubles round-trip, booleans as <c>true</c>/<c>false</c>). Throws
    /// <see cref="FormatException"/> for a bad brace and <see cref="KeyNotFoundException"/> for a name that is not a
    /// parameter.</summary>
    public static IReadOnlyList<string> Substitute(IReadOnlyList<string> argv, IReadOnlyDictionary<string, object> parameters) =>
        [.. argv.Select((_, i) => Expand(argv, i, name => parameters.TryGetValue(name, out var value)
            ? Format(value)
            : throw new KeyNotFoundException(
                $"argument {i} '{argv[i]}' of the command uses {{{name}}}, which is not a parameter of this trial " +
                $"(it has {(parameters.Count == 0 ? "none" : string.Join(", ", parameters.Keys.Order(StringComparer.Ordinal)))})")))];

    /// <summary>A parameter's value as a placeholder writes it.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Expand(IReadOnlyList<string> argv, int index, Func<string, string> valueOf)
    {
        var arg = argv[index];
        var result = new StringBuilder(arg.Length);
        var i = 0;
        while (i < arg.Length)
        {
            var c = arg[i];
            if (c == '}')
            {
                if (i + 1 < arg.Length && arg[i + 1] == '}')
                {
                    result.Append('}');
                    i += 2;
                    continue;
                }
                throw Error(argv, index, i, "has a '}' that closes no placeholder (write '}}' for a brace)");
            }
            if (c != '{')
            {
                result.Append(c);
                i++;
                continue;
            }
            if (i + 1 < arg.Length && arg[i + 1] == '{')
            {
                result.Append('{');
                i += 2;
                continue;
            }
            var close = arg.IndexOf('}', i + 1);
            if (close < 0) throw Error(argv, index, i, "has a '{' that is never closed (write '{{' for a brace)");
            var name = arg[(i + 1)..close];
            if (!IsName(name))
            {
                throw Error(argv, index, i,
                    $"has '{{{name}}}', which is not a placeholder: a name is letters, digits, '_', '.' or '-' (write '{{{{' for a brace)");
            }
            result.Append(valueOf(name));
            i = close + 1;
        }
        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static FormatException Error(IReadOnlyList<string> argv, int index, int at, string what) =>
        new($"argument {index} '{argv[index]}' of the command {what}, at character {at + 1}");
}
