using Tuner.Core.Costs;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Core.Model;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>What the OpenAPI document of a real `tuner server` says, read as JSON; GeneratedClientTests lints it and
/// runs a client generated from it.</summary>
[Collection("postgres")]
public sealed class OpenApiDocumentTests(PostgresServerFixture postgres)
{
    private static readonly string[] NumberFormats = ["int32", "int64", "double", "float"];

    [Fact]
    public async Task Document_HasOperationIdsEnumsTypedNumbersAndParams_AndProblemDetailsOnEvery4xx()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_openapi"));

        var document = await cluster.Http.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Equal(
            ["ApproveChallenger", "CancelSweep", "CreateSchedule", "DeleteSchedule", "DownloadChampion", "DownloadCheckpoint", "ExportSweep", "GetChampion", "GetCostByGroup", "GetModel",
             "GetSchedule", "GetSession", "GetSweep", "GetSweepCost", "GetSweepCurves", "GetSweepParameters", "GetSweepProgress", "GetSweepTimeline", "GetTrial", "GetTrialTable", "ListBudgetAlerts", "ListModels", "ListSchedules", "ListSweepEvents", "ListSweeps", "ListTrials", "PromoteTrial",
             "QueueTrial", "RollbackChampion", "SubmitSweep", "TriggerSchedule", "UpdateSchedule", "UpdateSweep", "UploadBundle"],
            operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Order());
        foreach (var (name, operation) in operations)
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
            {
                Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {response.Name}");
            }
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(Enum.GetNames<TrialStatus>(), EnumOf(schemas, "TrialView", "state"));
        Assert.Equal(Enum.GetNames<SweepState>(), EnumOf(schemas, "SweepDetails", "state"));
        Assert.Equal(Enum.GetNames<SweepState>(), EnumOf(schemas, "SweepSummary", "state"));
        Assert.Equal(Enum.GetNames<TrialRunOutcome>(), EnumOf(schemas, "TrialRunView", "outcome"));
        Assert.Contains("scale_up", EnumOf(schemas, "SweepEventView", "kind"));
        Assert.Contains("budget_paused", EnumOf(schemas, "SweepEventView", "kind"));
        Assert.Equal(CostCategories.All, EnumOf(schemas, "CostLineView", "category"));
        Assert.Equal(Enum.GetNames<WebhookDeliveryState>(), EnumOf(schemas, "WebhookDeliveryView", "state"));
        Assert.Equal(["maximize", "minimize"], EnumOf(schemas, "SweepDetails", "direction"));
        Assert.Equal(Enum.GetNames<PromotionOutcome>(), EnumOf(schemas, "DecisionView", "outcome"));
        Assert.Contains("promotion", EnumOf(schemas, "SweepEventView", "kind"));
        var paramValue = schemas.GetProperty("TrialView").GetProperty("properties").GetProperty("params").GetProperty("additionalProperties");
        Assert.Equal(["boolean", "number", "string"], paramValue.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.All(Numbers(document), n => Assert.DoesNotContain("string", n.GetRawText()));
        Assert.NotEmpty(Numbers(document));
    }

    [Fact]
    public async Task InteractiveDocs_AreServedAtDocsApi_ForTheDocument()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_docs"));

        var response = await cluster.Http.GetAsync("docs/api");
        var page = await response.Content.ReadAsStringAsync();

        var script = await cluster.Http.GetAsync("docs/api/scalar.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType);
    }

    private static string[] EnumOf(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()!).ToArray();

    /// <summary>The "type" of every schema with a number format, anywhere in the document.</summary>
    private static List<JsonElement> Numbers(JsonElement element)
    {
        var found = new List<JsonElement>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("format", out var format) && NumberFormats.Contains(format.GetString()))
            {
                found.Add(element.GetProperty("type"));
            }

            found.AddRange(element.EnumerateObject().SelectMany(p => Numbers(p.Value)));
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            found.AddRange(element.EnumerateArray().SelectMany(Numbers));
        }

        return found;
    }
}
