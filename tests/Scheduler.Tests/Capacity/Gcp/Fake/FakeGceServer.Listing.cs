using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>instances.aggregatedList (filter <c>labels.KEY=VALUE</c>, maxResults, pageToken) and type lookups.</summary>
public sealed partial class FakeGceServer
{
    private static readonly Regex LabelFilter = new("^labels\\.([a-z0-9_-]+)\\s*=\\s*\"?([a-z0-9_-]*)\"?$", RegexOptions.CultureInvariant);

    private (int, JsonNode) AggregatedList(HttpContext context)
    {
        string? filter = context.Request.Query["filter"];
        Match? match = null;
        if (filter is not null && !(match = LabelFilter.Match(filter)).Success)
            return Error(400, "invalid", $"Invalid value for field 'filter': '{filter}'. Invalid list filter expression.", "INVALID_ARGUMENT");
        var size = int.TryParse(context.Request.Query["maxResults"], CultureInfo.InvariantCulture, out var max) ? Math.Min(max, PageSize) : PageSize;
        var start = int.TryParse(context.Request.Query["pageToken"], CultureInfo.InvariantCulture, out var token) ? token : 0;
        lock (_gate)
        {
            var matching = _instances.Values
                .Where(i => !i.HiddenFromLists)
                .Where(i => match is null || i.Labels.GetValueOrDefault(match.Groups[1].Value) == match.Groups[2].Value)
                .ToList();
            var page = matching.Skip(start).Take(size).ToList();
            var items = new JsonObject();
            foreach (var zone in matching.Select(i => i.Zone).Distinct())
            {
                var inZone = page.Where(i => i.Zone == zone).Select(i => (JsonNode)i.ToJson(ProjectUrl)).ToArray();
                items[$"zones/{zone}"] = inZone.Length > 0
                    ? new JsonObject { ["instances"] = new JsonArray(inZone) }
                    : new JsonObject { ["warning"] = new JsonObject { ["code"] = "NO_RESULTS_ON_PAGE", ["message"] = "There are no results for scope on this page." } };
            }
            page.ForEach(VanishIfPreempted);
            var answer = new JsonObject { ["kind"] = "compute#instanceAggregatedList", ["items"] = items };
            if (start + size < matching.Count)
                answer["nextPageToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
            return (200, answer);
        }
    }

    private (int, JsonNode) Offering(HttpContext context, string collection)
    {
        var (zone, type) = (Route(context, "zone"), Route(context, "type"));
        lock (_gate)
        {
            if (_notOffered.Contains($"{zone}/{collection}/{type}"))
                return Error(404, "notFound", $"The resource 'projects/{Project}/zones/{zone}/{collection}/{type}' was not found", "NOT_FOUND");
        }
        return (200, new JsonObject { ["kind"] = $"compute#{collection.TrimEnd('s')}", ["name"] = type, ["zone"] = zone });
    }
}
