using Tuner.Core.Model;

namespace Tuner.Core.Queueing;

/// <summary>What fires schedules at their times: Hangfire's recurring jobs, one per schedule (Tuner.Jobs).</summary>
public interface IRecurringSchedules
{
    /// <summary>Adds or updates the schedule's recurring job; a paused schedule has none.</summary>
    void Register(Schedule schedule);

    /// <summary>Removes the recurring job of the schedule named <paramref name="name"/>.</summary>
    void Remove(string name);
}
