using System.Text.Json;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>Hyperparameters to and from the JSON stored on a trial, typed by the search space (ints stay long).</summary>
public static class ParamsJson
{
    public static string Serialize(IReadOnlyDictionary<string, object> parameters) =>
        JsonSerializer.Serialize(parameters.ToDictionary(p => p.Key, p => p.Value));

    public static IReadOnlyDictionary<string, object> Deserialize(string json, SearchSpace space)
    {
        using var document = JsonDocument.Parse(json);
        var distributions = space.Parameters.ToDictionary(p => p.Name, p => p.Distribution);
        var result = new Dictionary<string, object>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            distributions.TryGetValue(property.Name, out var distribution);
            result[property.Name] = ToValue(property.Value, distribution);
        }

        return result;
    }

    private static object ToValue(JsonElement element, Distribution? distribution) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => ToNumber(element, distribution),
        _ => element.GetRawText(),
    };

    private static object ToNumber(JsonElement element, Distribution? distribution)
    {
        if (distribution is IntDistribution)
        {
            return element.GetInt64();
        }

        if (distribution is CategoricalDistribution categorical)
        {
            var number = element.GetDouble();
            var match = categorical.Choices.FirstOrDefault(c => c is long l ? l == number : c is double d && d == number);
            if (match is not null)
            {
                return match;
            }
        }

        return element.TryGetInt64(out var integer) && distribution is null ? integer : element.GetDouble();
    }
}
