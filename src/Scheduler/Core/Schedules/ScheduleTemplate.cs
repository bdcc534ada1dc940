namespace Tuner.Core.Schedules;

/// <summary>
/// Fills a schedule's template for one run: <c>{run_date}</c> becomes the run's date on the schedule's wall clock
/// (yyyy-MM-dd) and <c>{run_id}</c> its run id, anywhere in the text (typically in the workload's data location, so
/// each night reads its own data, and in the sweep's name).
/// </summary>
public static class ScheduleTemplate
{
    public const string RunDate = "{run_date}";
    public const string RunId = "{run_id}";

    public static string Fill(string template, string runDate, long runId) =>
        template.Replace(RunDate, runDate, StringComparison.Ordinal)
            .Replace(RunId, runId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
