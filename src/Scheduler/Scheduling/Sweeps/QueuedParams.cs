using System.Text.Json;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>
/// Reads a configuration given as JSON (POST /api/sweeps/{id}/trials) into the typed values a trial of the sweep holds:
/// numbers for float parameters, whole numbers for int ones, one of the choices for a categorical one. Every problem
/// is named by its parameter, together with what the search space says of the whole assignment (a missing active
/// parameter, an inactive or unknown one, a value outside its range or step grid).
/// </summary>
public static class QueuedParams
{
    public static (IReadOnlyDictionary<string, object> Values, IReadOnlyList<SearchSpaceProblem> Problems) Read(JsonElement json, SearchSpace space)
    {
        if (json.ValueKind != JsonValueKind.Object)
            return (new Dictionary<string, object>(), [new SearchSpaceProblem("params", $"expected an object of parameter values, got {json.ValueKind}")]);

        var values = new Dictionary<string, object>();
        var problems = new List<SearchSpaceProblem>();
        foreach (var property in json.EnumerateObject())
        {
            if (ValueOf(property.Value, space.Find(property.Name)?.Distribution) is { } value) values[property.Name] = value;
            else problems.Add(new SearchSpaceProblem(property.Name, $"expected a number, a string or a boolean, got {property.Value.GetRawText()}"));
        }

        problems.AddRange(space.CheckAssignment(values).Where(p => !problems.Any(q => q.Parameter == p.Parameter)));
        return (values, problems);
    }

    private static object? ValueOf(JsonElement element, Distribution? distribution) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => distribution switch
        {
            IntDistribution when element.TryGetInt64(out var whole) => whole,
            CategoricalDistribution categorical => ParamsJson.ChoiceOf(categorical, element) ?? element.GetDouble(),
            _ => element.GetDouble(),
        },
        _ => null,
    };
}
