using Tuner.Search.Spaces;
using Tuner.Workloads;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Checks space entries against the workload: every name must be one of its parameters, and every value
/// written (bounds, choices, fixed values) one the workload accepts (<see cref="IWorkload.ValidateParams"/>).</summary>
internal static class WorkloadParameterCheck
{
    public static void Check(IReadOnlyList<ParsedParameter> parameters, IWorkload workload, ProblemCollector problems)
    {
        var known = workload.Parameters.Select(parameter => parameter.Name).ToList();
        foreach (var parameter in parameters)
        {
            if (!known.Contains(parameter.Name))
            {
                problems.Add(
                    parameter.Path,
                    $"'{parameter.Name}' is not a parameter of workload '{workload.Kind}'{KeySuggestions.DidYouMean(parameter.Name, known)}; its parameters: {KeySuggestions.List(known)}",
                    parameter.KeyNode);
                continue;
            }

            // An entry that already has a problem (say low >= high) is not checked again against the workload.
            if (parameter.Distribution is null) continue;
            var declared = workload.Parameters.First(candidate => candidate.Name == parameter.Name);
            if (TypeMismatch(parameter, declared) is { } mismatch)
            {
                problems.Add(parameter.Path, mismatch, parameter.KeyNode);
                continue;
            }

            foreach (var value in parameter.Values)
            {
                var single = new Dictionary<string, object> { [parameter.Name] = value.Value };
                foreach (var message in workload.ValidateParams(single).Distinct())
                {
                    problems.Add(value.Path, message, value.Node);
                }
            }
        }
    }

    /// <summary>A float range for a parameter whose default is an integer would sample fractions the workload
    /// rejects at training time; a numeric range for a text parameter can never fit.</summary>
    private static string? TypeMismatch(ParsedParameter parameter, WorkloadParameter declared) => (parameter.Distribution, declared.Default) switch
    {
        (FloatDistribution, int or long) => $"'{parameter.Name}' takes integers, so its type must be int or categorical, not float",
        (FloatDistribution or IntDistribution, string) => $"'{parameter.Name}' takes text, so its type must be categorical",
        _ => null,
    };
}
