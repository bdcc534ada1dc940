using System.Globalization;

namespace Tuner.Jobs.Display;

/// <summary>"Scheduled run of 'nightly'": a schedule's recurring job (schedule-NAME) and each job it fires.</summary>
public sealed class ScheduleJobNameAttribute() : TunerJobNameAttribute("Scheduled run")
{
    private protected override string Describe(JobSubjects subjects, long id)
    {
        var schedule = string.Create(CultureInfo.InvariantCulture, $"Scheduled run of schedule #{id}");
        if (!subjects.TryScheduleName(id, out var name))
        {
            return schedule;
        }

        return name is null ? $"{schedule} {Gone}" : $"Scheduled run of '{name}'";
    }
}
