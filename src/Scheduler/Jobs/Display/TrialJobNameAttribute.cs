using System.Globalization;

namespace Tuner.Jobs.Display;

/// <summary>"Trial 12 of sweep 3 'mnist-mlp'": the trial's number in its sweep, the sweep's id and name.</summary>
public sealed class TrialJobNameAttribute() : TunerJobNameAttribute("Trial")
{
    internal static string Name(TrialSubject trial) =>
        string.Create(CultureInfo.InvariantCulture, $"Trial {trial.Number} of sweep {trial.SweepId} '{trial.SweepName}'");

    private protected override string Describe(JobSubjects subjects, long id)
    {
        if (!subjects.TryTrial(id, out var trial))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Trial #{id}");
        }

        return trial is null ? string.Create(CultureInfo.InvariantCulture, $"Trial #{id} {Gone}") : Name(trial);
    }
}
