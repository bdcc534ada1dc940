using Hangfire;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Scheduling.Schedules;

namespace Tuner.Jobs;

/// <summary>
/// One Hangfire recurring job per schedule, named "schedule-NAME", with the schedule's cron and time zone, run on the
/// orchestrator queue (<see cref="ScheduleJob"/>). Occurrences missed while no server ran (`Relaxed` misfire
/// handling) are fired once when a server starts again. A paused schedule's job is removed; resuming adds it again.
/// </summary>
public sealed class HangfireSchedules(IRecurringJobManager jobs) : IRecurringSchedules
{
    public static string JobId(string name) => $"schedule-{name}";

    public void Register(Schedule schedule)
    {
        if (schedule.Paused)
        {
            Remove(schedule.Name);
            return;
        }

        var id = schedule.Id;
        jobs.AddOrUpdate<ScheduleJob>(JobId(schedule.Name), job => job.RunAsync(id, CancellationToken.None), schedule.Cron,
            new RecurringJobOptions
            {
                TimeZone = ScheduleCalendar.Zone(schedule.TimeZone) ?? TimeZoneInfo.Utc,
                // Occurrences missed while no server ran become one firing when a server starts again.
                MisfireHandling = MisfireHandlingMode.Relaxed,
            });
    }

    public void Remove(string name) => jobs.RemoveIfExists(JobId(name));
}
