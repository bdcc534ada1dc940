using Cronos;

namespace Tuner.Scheduling.Schedules;

/// <summary>A schedule's cron expression on its time zone's wall clock (Cronos, the parser Hangfire is built on):
/// checked when a schedule is made, and its next occurrence.</summary>
public static class ScheduleCalendar
{
    /// <summary>Every problem with the cron expression and the time zone, each naming its field.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(string cron, string timeZone)
    {
        var problems = new List<(string, string)>();
        if (Parse(cron) is null)
            problems.Add(("cron", $"expected a cron expression of five fields (minute hour day-of-month month day-of-week, e.g. '0 2 * * *' for 02:00 every day) or six with seconds first, got '{cron}'"));
        if (Zone(timeZone) is null)
            problems.Add(("timeZone", $"expected an IANA time zone name such as UTC or Europe/Paris, got '{timeZone}'"));
        return problems;
    }

    /// <summary>The first occurrence after <paramref name="from"/>, or null when there is none (or the schedule is invalid).</summary>
    public static DateTimeOffset? Next(string cron, string timeZone, DateTimeOffset from) =>
        Parse(cron) is { } expression && Zone(timeZone) is { } zone ? expression.GetNextOccurrence(from, zone) : null;

    /// <summary>The date of <paramref name="at"/> on the time zone's wall clock, yyyy-MM-dd: a run's {run_date}.</summary>
    public static string DateOf(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZone) ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo? Zone(string timeZone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    private static CronExpression? Parse(string cron)
    {
        var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(cron, format, out var expression) ? expression : null;
    }
}
