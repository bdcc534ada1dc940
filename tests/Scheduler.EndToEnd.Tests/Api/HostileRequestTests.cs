using System.Globalization;
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

/// <summary>
/// Requests meant to hurt a real `tuner server` process: each gets its 4xx with problem details saying what is wrong
/// and where, and the server answers the next request. The operator's limits come from TUNER_LIMITS__* variables.
/// </summary>
[Collection("postgres")]
public sealed class HostileRequestTests(PostgresServerFixture postgres)
{
    private static readonly Dictionary<string, string> OperatorLimits = new() { ["TUNER_LIMITS__MAX_TRIALS"] = "500" };

    [Fact]
    public async Task EachHostileDefinition_Gets400Or413_AndTheServerKeepsAnswering()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_hostile"), OperatorLimits);

        var nested = await cluster.SubmitAsync("name: deep\nspace: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        await AssertStillAnsweringAsync(cluster, "100,000 nested '['");
        var huge = await cluster.SubmitAsync(SweepTexts.Small() + "\n# " + new string('x', 10 * 1024 * 1024) + "\n");
        await AssertStillAnsweringAsync(cluster, "a 10 MB definition");
        var tagged = await cluster.SubmitAsync(SweepTexts.Small().Replace("name: small-7", "name: !!python/object:os.system small-7", StringComparison.Ordinal));
        var farDeadline = await cluster.SubmitAsync(SweepTexts.Small().Replace("parallelism: 2 }", "parallelism: 2, deadline: 9999999d }", StringComparison.Ordinal));
        var hugeBudget = await cluster.SubmitAsync(SweepTexts.Small(maxTrials: 2_000_000_000, parallelism: 2_000_000_000));
        await AssertStillAnsweringAsync(cluster, "the rejected definitions");

        await AssertValidationProblemAsync(nested, "", "invalid YAML at line 2, column 71: mappings and lists are nested deeper than 64 levels here (line 2)");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType?.MediaType);
        var tooLarge = await huge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, tooLarge.GetProperty("status").GetInt32());
        Assert.Equal(
            "this server accepts definitions of at most 1048576 bytes (the operator's limit TUNER_LIMITS__MAX_DEFINITION_BYTES)",
            tooLarge.GetProperty("detail").GetString());
        await AssertValidationProblemAsync(
            tagged, "name", "YAML tags are not supported, but got 'tag:yaml.org,2002:python/object:os.system'; write the value without it (line 1)");
        await AssertValidationProblemAsync(
            farDeadline, "budget.deadline",
            "deadline must be at most 365d on this server, but got '9999999d' (the operator's limit TUNER_LIMITS__MAX_DEADLINE_DAYS) (line 10)");
        var budgetErrors = Errors(await ProblemAsync(hugeBudget, HttpStatusCode.BadRequest));
        Assert.Equal(["budget.max_trials", "budget.parallelism"], budgetErrors.Keys.Order());
        Assert.StartsWith("max_trials must be at most 500 on this server, but got 2000000000", budgetErrors["budget.max_trials"].Single());
        Assert.Empty((await cluster.Http.GetFromJsonAsync<Page<SweepSummary>>("api/sweeps"))!.Items);
    }

    [Fact]
    public async Task ASweepOf60000Choices_IsAccepted_AndCancelled()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_choices"));
        var choices = string.Join(", ", Enumerable.Range(1, 60_000).Select(i => (i * 1e-6).ToString("R", CultureInfo.InvariantCulture)));
        var text = SweepTexts.Small(maxTrials: 500, parallelism: 100).Replace(
            "learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }",
            $"learning_rate: {{ type: categorical, choices: [{choices}] }}",
            StringComparison.Ordinal);

        var submitted = await cluster.SubmitAsync(text);
        Assert.True(HttpStatusCode.Created == submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
        var created = await TunerCluster.ReadAsync<SweepCreated>(submitted);
        await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(created.Id)).Count > 0 ? "asked" : null,
            TimeSpan.FromSeconds(60), "the orchestrator to create trials", cluster.Diagnostics);
        var cancel = await cluster.Http.PostAsync($"api/sweeps/{created.Id}/cancel", null);
        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(created.Id) is { State: "Cancelled" } s ? s : null,
            TimeSpan.FromSeconds(60), "the sweep to end Cancelled", cluster.Diagnostics);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.InRange(sweep.Trials.Cancelled, 1, 100);
        await AssertStillAnsweringAsync(cluster, "the 60,000-choice sweep");
    }

    [Fact]
    public async Task ThreeConcurrentSubmitsNamingANewPool_AreAllCreated()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_pool_race"));
        var text = SweepTexts.Small(maxTrials: 2, parallelism: 1) + "\ncapacity: { provider: aws, instance_types: [c7.large], max_instances: 2 }\n";

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => cluster.SubmitAsync(text)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        await AssertStillAnsweringAsync(cluster, "three concurrent submits");
    }

    [Fact]
    public async Task AnUnseededSweep_ShowsItsStoredSeed_AndResubmittingWithThatSeedReplaysItsTrials()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("api_seed"));
        var unseeded = SweepTexts.Small(maxTrials: 6, parallelism: 3).Replace("sampler: { kind: random, seed: 7 }", "sampler: { kind: tpe }", StringComparison.Ordinal);

        var original = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(unseeded));
        var seed = (await cluster.SweepAsync(original.Id)).Seed;
        var replay = await TunerCluster.ReadAsync<SweepCreated>(await cluster.SubmitAsync(
            unseeded.Replace("sampler: { kind: tpe }", $"sampler: {{ kind: tpe, seed: {seed} }}", StringComparison.Ordinal)));

        var originalTrials = await ThreeTrialsAsync(cluster, original.Id);
        var replayedTrials = await ThreeTrialsAsync(cluster, replay.Id);
        Assert.Equal(seed, (await cluster.SweepAsync(replay.Id)).Seed);
        Assert.Equal(originalTrials.Select(t => JsonSerializer.Serialize(t.Params)), replayedTrials.Select(t => JsonSerializer.Serialize(t.Params)));
    }

    [Fact]
    public async Task ServerRefusesToStart_WhenALimitIsOutOfRange()
    {
        var settings = new Dictionary<string, string> { ["TUNER_LIMITS__MAX_TRIALS"] = "0", ["TUNER_LIMITS__MAX_DEFINITION_BYTES"] = "12" };
        var environment = new Dictionary<string, string>
        {
            ["TUNER_HOME"] = Directory.CreateTempSubdirectory("tuner-limits-").FullName,
            ["TUNER_DATABASE_URL"] = await postgres.CreateDatabaseAsync("api_bad_limits"),
            ["TUNER_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        foreach (var (name, value) in settings) environment[name] = value;
        await using var server = TunerProcess.Start(environment, "server");

        Assert.NotNull(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("TUNER_LIMITS__MAX_TRIALS must be a whole number from 1 to 10000000", server.Output);
        Assert.Contains("TUNER_LIMITS__MAX_DEFINITION_BYTES must be a whole number from 1024 to 16777216", server.Output);
    }

    private static async Task<IReadOnlyList<TrialView>> ThreeTrialsAsync(TunerCluster cluster, long sweepId) =>
        await Eventually.GetAsync(
            async () => await cluster.TrialsAsync(sweepId) is { Count: >= 3 } trials ? trials.Take(3).ToList() : null,
            TimeSpan.FromSeconds(60), $"sweep {sweepId} to have three trials", cluster.Diagnostics);

    private static async Task AssertStillAnsweringAsync(TunerCluster cluster, string after)
    {
        Assert.False(cluster.Server.HasExited, $"tuner server exited after {after}:\n{cluster.Diagnostics()}");
        var response = await cluster.Http.GetAsync("api/sweeps");
        Assert.True(response.IsSuccessStatusCode, $"GET /api/sweeps answered {(int)response.StatusCode} after {after}");
    }

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string path, string message)
    {
        var errors = Errors(await ProblemAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal([path], errors.Keys);
        Assert.Equal(message, errors[path].Single());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
