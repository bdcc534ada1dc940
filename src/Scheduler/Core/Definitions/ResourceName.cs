using System.Text.RegularExpressions;

namespace Tuner.Core.Definitions;

/// <summary>The one rule for the names of sweeps, schedules and models: 1-100 letters, digits, '.', '_' or '-',
/// starting with a letter or digit (so a name is safe in URLs, Hangfire job ids and file names).</summary>
public static partial class ResourceName
{
    /// <summary>The rule in words, as problems quote it.</summary>
    public const string Rule = "1-100 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>The problem with <paramref name="name"/> in the API's words (expected ..., got '...').</summary>
    public static string Expected(string? name) => $"expected {Rule}, got '{name}'";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Pattern();
}
