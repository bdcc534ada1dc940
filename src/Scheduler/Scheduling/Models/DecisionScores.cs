using System.Text.Json;

namespace Tuner.Scheduling.Models;

/// <summary>A decision's scores (metric → value) as stored on its row, both ways.</summary>
public static class DecisionScores
{
    public static string? Write(IReadOnlyDictionary<string, double>? scores) => scores is null ? null : JsonSerializer.Serialize(scores);

    public static IReadOnlyDictionary<string, double>? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(json);
}
