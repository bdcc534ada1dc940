using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Tuner.Scheduler.Cli;

/// <summary>Options whose value is a whole number of at least 1; anything else is a usage error naming the option and the value.</summary>
internal static class PositiveNumbers
{
    public static Option<int> Option(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parse(r, name) ?? defaultValue,
    };

    public static Option<int?> Optional(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name),
    };

    private static int? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number of at least 1, but got '{text}'");
        return null;
    }
}
