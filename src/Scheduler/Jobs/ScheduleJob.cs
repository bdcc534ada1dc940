using Hangfire;
using Tuner.Jobs.Display;
using Tuner.Scheduling.Schedules;

namespace Tuner.Jobs;

/// <summary>A schedule's recurring job ("schedule-NAME" in the Hangfire dashboard), run by `tuner server`.</summary>
public sealed class ScheduleJob(ScheduleFiring firing)
{
    [Queue(HangfireSetup.OrchestratorQueue)]
    [AutomaticRetry(Attempts = 3)]
    [ScheduleJobName]
    public Task RunAsync(long scheduleId, CancellationToken ct) => firing.FireAsync(scheduleId, "fired on schedule", ct);
}
