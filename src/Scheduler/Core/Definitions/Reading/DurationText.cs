using System.Globalization;
using System.Text.RegularExpressions;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Durations written as days, hours, minutes and seconds in that order: "6h", "90m", "1h30m", "2d", "30s".</summary>
internal static partial class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0) return false;

        var seconds = Part(match, "d") * 86_400 + Part(match, "h") * 3_600 + Part(match, "m") * 60 + Part(match, "s");
        if (seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds) return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The duration in the largest unit that divides it: "30d", "1h", "90s".</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var (amount, unit) = seconds switch
        {
            _ when seconds % 86_400 == 0 => (seconds / 86_400, "d"),
            _ when seconds % 3_600 == 0 => (seconds / 3_600, "h"),
            _ when seconds % 60 == 0 => (seconds / 60, "m"),
            _ => (seconds, "s"),
        };
        return amount.ToString(CultureInfo.InvariantCulture) + unit;
    }

    private static double Part(Match match, string unit) =>
        match.Groups[unit].Success ? double.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,9})d)?(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex Pattern();
}
