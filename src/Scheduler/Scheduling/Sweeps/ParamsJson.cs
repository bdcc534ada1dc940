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

        if (distribution is CategoricalDistribution categorical && ChoiceOf(categorical, element) is { } match)
        {
            return match;
        }

        return element.TryGetInt64(out var integer) && distribution is null ? integer : element.GetDouble();
    }

    /// <summary>The numeric choice a JSON number stands for: a whole number for an int choice, an equal number for a
    /// float one; null when it is none of them. The one rule for stored and for submitted parameters.</summary>
    public static object? ChoiceOf(CategoricalDistribution categorical, JsonElement number) =>
        categorical.Choices.FirstOrDefault(choice =>
            choice is long l ? number.TryGetInt64(out var whole) && whole == l : choice is double d && number.GetDouble() == d);
}
