using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>The REST API of a real `tuner server` process on a real PostgreSQL; no worker runs, so trials stay Waiting.</summary>
[Collection("postgres")]
public sealed class SweepsApiTests(PostgresServerFixture postgres)
{
    private static readonly string BrokenInThreePlaces = string.Join('\n',
        "name: broken",                                        // 1
        "workload: { kind: mnist-cnn, max_epochs: 2 }",        // 2
        "objective: { metric: val_accuracy }",                 // 3
        "space:",                                              // 4
        "  learning_rate: { type: float, low: 0.1, high: 0.01 }", // 5
        "budget: { max_trials: 4, parallelism: 0 }",           // 6
        "");

    [Fact]
    public async Task Submit_Returns400ListingEveryProblemWithItsPath_AndStoresNothing()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_bad"));

        var response = await cluster.SubmitAsync(BrokenInThreePlaces);
        var malformed = await cluster.SubmitAsync("name: broken\nworkload: { kind: mnist-mlp, max_epochs: 2 }\nobjective: metric: val_loss\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The sweep definition is invalid", problem.GetProperty("title").GetString());
        var errors = Errors(problem);
        Assert.Equal(["budget.parallelism", "space.learning_rate.low", "workload.kind"], errors.Keys.Order());
        Assert.Contains("mnist-cnn", errors["workload.kind"].Single());
        Assert.EndsWith("(line 2)", errors["workload.kind"].Single());
        Assert.Contains("low must be less than high", errors["space.learning_rate.low"].Single());
        Assert.EndsWith("(line 5)", errors["space.learning_rate.low"].Single());
        Assert.EndsWith("(line 6)", errors["budget.parallelism"].Single());
        Assert.Equal("3 problem(s) found", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var syntax = Errors(await ProblemAsync(malformed));
        Assert.Equal([""], syntax.Keys);
        Assert.StartsWith("invalid YAML at line 3", syntax[""].Single());
        Assert.EndsWith("(line 3)", syntax[""].Single());

        Assert.Empty((await cluster.Http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps"))!.Items);
    }

    [Fact]
    public async Task Submit_AcceptsAJsonBody_AndGetReturnsTheStoredSweep()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_json"));
        const string json = """
            {
              "name": "json-sweep",
              "workload": { "kind": "mnist-mlp", "max_epochs": 2 },
              "objective": { "metric": "val_loss", "direction": "minimize" },
              "space": { "learning_rate": { "type": "float", "low": 0.001, "high": 0.1, "log": true } },
              "budget": { "max_trials": 3, "parallelism": 1 }
            }
            """;

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await cluster.Http.PostAsync("api/sweeps", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await TunerCluster.ReadAsync<SweepCreated>(response);
        Assert.Equal("json-sweep", created.Name);
        Assert.Equal($"/api/sweeps/{created.Id}", response.Headers.Location?.ToString());
        var sweep = await cluster.SweepAsync(created.Id);
        Assert.Equal(("json-sweep", "val_loss", "minimize", 3, 1), (sweep.Name, sweep.Objective, sweep.Direction, sweep.MaxTrials, sweep.Parallelism));
        var listed = await cluster.Http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps");
        Assert.Equal([created.Id], listed!.Items.Select(s => s.Id));
        Assert.Null(listed.Next);
    }

    [Fact]
    public async Task Cancel_Returns202_ThenTheSweepEndsCancelledWithItsWaitingTrialsCancelled_AndASecondCancelReturns409()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_cancel"));
        var created = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(SweepTexts.Small(maxTrials: 6, parallelism: 3)));
        await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(created.Id)).Count == 3 ? "filled" : null,
            TimeSpan.FromSeconds(60), "the orchestrator to create the first trials", cluster.Diagnostics);

        var cancel = await cluster.Http.PostAsync($"api/sweeps/{created.Id}/cancel", null);
        var accepted = await TunerCluster.ReadAsync<SweepDetails>(cancel);
        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Cancelled" } s ? s : null,
            TimeSpan.FromSeconds(60), "the sweep to end Cancelled", cluster.Diagnostics);
        var again = await cluster.Http.PostAsync($"api/sweeps/{created.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Contains(accepted.State, new[] { "Cancelling", "Cancelled" });
        Assert.Equal("cancelled by request", sweep.StopReason);
        Assert.NotNull(sweep.FinishedAt);
        var trials = await cluster.TrialsAsync(created.Id);
        Assert.Equal(3, trials.Count);
        Assert.All(trials, t => Assert.Equal("Cancelled", t.State));
        Assert.Equal(3, sweep.Trials.Cancelled);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var conflict = await ProblemAsync(again);
        Assert.Equal((409, "Sweep cannot be cancelled"), (conflict.GetProperty("status").GetInt32(), conflict.GetProperty("title").GetString()));
        Assert.Equal($"sweep {created.Id} is Cancelled; only a running or paused sweep can be cancelled", conflict.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task QueueTrial_Returns202WithTheTypedValues_Or400NamingEachParameter_PatchChangesMaxTrials_AndAWarmStartNeedsItsSweep()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_queue"));
        var id = await cluster.SubmitIdAsync(SweepTexts.Small(maxTrials: 2, parallelism: 3));
        await Eventually.GetAsync(async () => await cluster.TrialsAsync(id) is { Count: 2 } t ? t : null,
            TimeSpan.FromSeconds(30), "the sweep's first orchestration pass to make its two trials", cluster.Diagnostics);

        var queued = await cluster.Http.PostAsJsonAsync($"api/sweeps/{id}/trials",
            new { @params = new { learning_rate = 0.01, batch_size = 64, hidden_units = 100 } });
        var bad = await cluster.Http.PostAsJsonAsync($"api/sweeps/{id}/trials",
            new { @params = new { learning_rate = 0.01, batch_size = "large" } });
        var missing = await cluster.Http.PostAsJsonAsync("api/sweeps/999/trials", new { @params = new { learning_rate = 0.01 } });
        var below = await cluster.Http.PatchAsJsonAsync($"api/sweeps/{id}", new { maxTrials = 1 });
        var empty = await cluster.Http.PatchAsJsonAsync($"api/sweeps/{id}", new { });
        var raised = await cluster.Http.PatchAsJsonAsync($"api/sweeps/{id}", new { maxTrials = 3 });
        var coldStart = await cluster.SubmitAsync(SweepTexts.Small() + "\nwarm_start: { from_sweep: 999 }\n");

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var trial = await TunerCluster.ReadAsync<QueuedTrial>(queued);
        Assert.Equal(0, trial.Ahead);
        Assert.Equal($"sweep {id} has no trials left for it within max_trials; raise max_trials (PATCH /api/sweeps/{id}) to evaluate it", Assert.Single(trial.Warnings));
        Assert.Equal(["batch_size", "hidden_units", "learning_rate"], trial.Params.Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = Errors(await ProblemAsync(bad));
        Assert.Equal(["params.batch_size", "params.hidden_units"], errors.Keys.Order());
        Assert.Contains("is not inside", errors["params.batch_size"].Single());
        Assert.Contains("has no value", errors["params.hidden_units"].Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Equal($"max_trials cannot be below the 2 trials sweep {id} already has, but got 1", Errors(await ProblemAsync(below))["maxTrials"].Single());
        Assert.Equal("expected maxCostUsd, maxTrials or both", Errors(await ProblemAsync(empty))[""].Single());
        Assert.Equal("there is no sweep 999 to start from", Errors(await ProblemAsync(coldStart))["warm_start.from_sweep"].Single());
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(3, (await TunerCluster.ReadAsync<SweepDetails>(raised)).MaxTrials);
        var trials = await Eventually.GetAsync(async () => await cluster.TrialsAsync(id) is { Count: 3 } t ? t : null,
            TimeSpan.FromSeconds(30), "the queued configuration as trial 2", cluster.Diagnostics);
        Assert.Equal(100L, ((JsonElement)trials[2].Params["hidden_units"]).GetInt64());
    }

    [Fact]
    public async Task HangfireDashboard_Answers200Locally_WithoutShowingTheDatabaseConnectionString()
    {
        var connectionString = await postgres.CreateDatabaseAsync("api_hangfire");
        await using var cluster = await TunerCluster.StartAsync(connectionString);

        var response = await cluster.Http.GetAsync("hangfire");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tuner — jobs", WebUtility.HtmlDecode(page));
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Assert.DoesNotContain(connectionString, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"Host={settings.Host}", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(settings.Database!, page, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
