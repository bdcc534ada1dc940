using System.Text.RegularExpressions;

namespace Tuner.LocalPostgres;

/// <summary>Database names Tuner creates: plain lower-case identifiers, so they never need quoting rules.</summary>
internal static partial class DatabaseName
{
    public const string Rule = "must be 1 to 63 characters of a-z, 0-9 and _, not starting with a digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static void EnsureValid(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"database name {Rule}, but got '{name}'", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Pattern();
}
