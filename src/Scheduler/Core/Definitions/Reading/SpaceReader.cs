using Tuner.Search.Spaces;
using Tuner.Workloads;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>space: { name: entry, ... }</c>, checks conditions and the workload's parameters, then lets
/// <see cref="SearchSpace.Validate"/> check what is left (it runs only on a space with no problem so far).</summary>
internal static class SpaceReader
{
    public static IReadOnlyList<ParameterSpec>? Read(MappingReader document, IWorkload? workload, DefinitionLimits limits)
    {
        var section = document.Section("space", knownKeys: null, required: true);
        if (section is null) return null;
        var problems = section.Problems;
        if (section.Node.Children.Count == 0)
        {
            problems.Add(section.Path, "space must define at least one parameter", section.Node);
            return null;
        }

        if (section.Node.Children.Count > limits.MaxParameters)
        {
            problems.Add(section.Path, LimitMessage.Text("space", "parameters", limits.MaxParameters, section.Node.Children.Count, "MAX_PARAMETERS"), section.Node);
            return null;
        }

        var before = problems.Count;
        var parameters = section.Node.Children
            .Select(entry => ParameterReader.Read(entry.Key, entry.Value, section.PathOf(MappingReader.KeyText(entry.Key)), problems, limits))
            .ToList();
        ConditionCheck.Check(parameters, problems);
        if (workload is not null) WorkloadParameterCheck.Check(parameters, workload, problems);
        if (problems.Count != before) return null;

        var specs = parameters
            .Select(parameter => new ParameterSpec(
                parameter.Name,
                parameter.Distribution!,
                parameter.When is { } when ? new ParameterCondition(when.Parent, when.Values) : null))
            .ToList();
        foreach (var problem in SearchSpace.Validate(specs))
        {
            var parameter = parameters.FirstOrDefault(candidate => candidate.Name == problem.Parameter);
            problems.Add(section.PathOf(problem.Parameter), problem.Message, parameter?.KeyNode ?? section.Node);
        }

        return problems.Count == before ? specs : null;
    }
}
