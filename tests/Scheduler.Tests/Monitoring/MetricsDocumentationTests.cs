using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Monitoring;
using Tuner.TestSupport;
using Tuner.TestSupport.Metrics;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;
using Tuner.Trainer;

namespace Tuner.Scheduler.Tests.Monitoring;

/// <summary>
/// docs/metrics.md's table lists exactly the tuner_* metrics a real server exports, with their types and labels, and docker/grafana-dashboard.json queries only metrics from that table and shows each.
/// </summary>
[Collection("postgres")]
public sealed partial class MetricsDocumentationTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task MetricsTable_ListsEveryTunerMetricTheServerExports_WithItsTypeAndLabels()
    {
        await using var server = await InProcessServer.StartAsync(await postgres.CreateDatabaseAsync("metrics_docs"));
        // A running sweep with a cost limit, so the per-sweep cost gauges have a series.
        var sweepId = await server.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2, budget: "max_cost_usd: 5"));
        await Eventually.HoldsAsync(async () =>
            (await MetricsScrape.GetAsync(server.Http, "metrics")).Sum("tuner_sampler_ask_duration_seconds_count") == 2,
            TimeSpan.FromSeconds(30), $"sweep {sweepId}'s first pass to sample its 2 trials");
        // A prune decision is observed in workers; this server has none, so one is observed here, through the same
        // service a worker's reports use.
        server.Services.GetRequiredService<TunerMetrics>().PruneDecided(PruneDecision.Continue, false, TimeSpan.FromMilliseconds(3));

        var scrape = await MetricsScrape.GetAsync(server.Http, "metrics");

        var exported = scrape.Types.Keys.Where(name => name.StartsWith("tuner_", StringComparison.Ordinal))
            .Select(name => $"{name} | {scrape.Types[name]} | {string.Join(", ", LabelsOf(scrape, name))}").Order();
        var documented = Documented().Select(row => $"{row.Name} | {row.Type} | {string.Join(", ", row.Labels)}").Order();
        Assert.Equal(documented, exported);
    }

    [Fact]
    public void Dashboard_QueriesOnlyDocumentedMetrics_AndShowsEachOfThem()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker", "grafana-dashboard.json")));
        var expressions = Expressions(dashboard.RootElement).ToList();
        var queried = expressions.SelectMany(e => MetricName().Matches(e).Select(m => HistogramSeries().Replace(m.Value, ""))).ToHashSet();
        var documented = Documented().Select(row => row.Name).ToHashSet();

        Assert.NotEmpty(expressions);
        Assert.Empty(queried.Except(documented));
        Assert.Empty(documented.Except(queried));
    }

    /// <summary>The label names of a family's series (a histogram's le aside), in order.</summary>
    private static IEnumerable<string> LabelsOf(MetricsScrape scrape, string family) =>
        scrape.Samples.Where(s => s.Name == family || s.Name.StartsWith(family + "_", StringComparison.Ordinal))
            .SelectMany(s => s.Labels.Keys).Where(label => label != "le").Distinct().Order();

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "expr" or "definition" && property.Value.ValueKind == JsonValueKind.String) yield return property.Value.GetString()!;
                    foreach (var inner in Expressions(property.Value)) yield return inner;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Expressions(item)) yield return inner;
                }

                break;
        }
    }

    /// <summary>The rows between docs/metrics.md's metrics-table markers: name, type and labels.</summary>
    private static List<(string Name, string Type, string[] Labels)> Documented()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "metrics.md"));
        var start = page.IndexOf("<!-- metrics-table -->", StringComparison.Ordinal);
        var end = page.IndexOf("<!-- /metrics-table -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/metrics.md must hold its table between <!-- metrics-table --> markers");
        var rows = page[start..end].Split('\n').Select(line => Row().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["type"].Value,
                Label().Matches(m.Groups["labels"].Value).Select(l => l.Groups[1].Value).Order().ToArray()))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    [GeneratedRegex(@"^\|\s*`(?<name>tuner_\w+)`\s*\|\s*(?<type>\w+)\s*\|(?<labels>[^|]*)\|(?<what>[^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex Label();

    [GeneratedRegex(@"\btuner_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"_(bucket|count|sum)$")]
    private static partial Regex HistogramSeries();
}
