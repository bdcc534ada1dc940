using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tuner.Core.Definitions;

namespace Tuner.Core.Schedules;

/// <summary>
/// Writes a schedule's warm start into a run's definition text, so that the sweep's stored definition says what it
/// started from (and its plan, read back from that text, keeps the prior): a <c>warm_start</c> key added to a JSON
/// object, or a line appended to a YAML block mapping.
/// </summary>
public static class WarmStartText
{
    public static string Add(string definition, WarmStartSection warmStart)
    {
        var weight = warmStart.PriorWeight is { } w ? w.ToString("R", CultureInfo.InvariantCulture) : null;
        if (definition.TrimStart().StartsWith('{'))
        {
            var document = JsonNode.Parse(definition)!.AsObject();
            var section = new JsonObject { ["from_sweep"] = warmStart.FromSweep, ["best"] = warmStart.Best };
            if (warmStart.PriorWeight is { } prior) section["prior_weight"] = prior;
            document["warm_start"] = section;
            return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        var line = $"warm_start: {{ from_sweep: {warmStart.FromSweep}, best: {warmStart.Best}{(weight is null ? "" : $", prior_weight: {weight}")} }}"
            + "   # added by the schedule: the previous run";
        return definition.EndsWith('\n') ? $"{definition}{line}\n" : $"{definition}\n{line}\n";
    }
}
