using System.Globalization;

namespace Tuner.Jobs.Display;

/// <summary>"Orchestration pass of sweep 3 'mnist-mlp'".</summary>
public sealed class OrchestrationJobNameAttribute() : TunerJobNameAttribute("Orchestration pass")
{
    private protected override string Describe(JobSubjects subjects, long id)
    {
        var sweep = string.Create(CultureInfo.InvariantCulture, $"Orchestration pass of sweep {id}");
        if (!subjects.TrySweepName(id, out var name))
        {
            return sweep;
        }

        return name is null ? $"{sweep} {Gone}" : $"{sweep} '{name}'";
    }
}
