using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Xunit.Abstractions;

namespace Tuner.Scheduler.EndToEnd.Tests.Pages;

/// <summary>
/// Tuner's pages in a real browser: a real `tuner server` and `tuner worker` run a schedule's sweep (synthetic Branin
/// curves with a median pruner, so some trials are pruned) to completion, its first worker terminated mid-trial so that
/// trial is preempted and resumes on a second worker, and its best trial becomes a model's champion; then
/// tests/Browser/pages.test.mjs opens every page in chromium, checks what each chart drew against the API, and saves a
/// screenshot of each page under TestResults/screenshots. The server listens on this machine's network address, so it
/// asks for API keys as a real deployment does: the browser signs in through /signin with keys made by `tuner keys create`
/// (mostly as read; submit to cancel a sweep), and this test drives the API with the submit key.
/// </summary>
[Collection("postgres")]
public sealed class PagesBrowserTests(PostgresServerFixture postgres, ITestOutputHelper log)
{
    private const string Schedule = "pages-nightly";
    private const string Model = "pages-branin";
    private const int Trials = 12;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string Template = string.Create(CultureInfo.InvariantCulture, $$"""
        name: pages-{run_id}
        workload: { kind: synthetic, max_epochs: 6, function: branin, step_seconds: 0.4 }
        objective: { metric: val_loss }
        space:
          x0: { type: float, low: -5, high: 10 }
          x1: { type: float, low: 0, high: 15 }
          x2: { type: categorical, choices: [0, 1, 2] }
        sampler: { kind: random, seed: 11 }
        pruner: { kind: median, startup_trials: 2, warmup_steps: 1 }
        budget: { max_trials: {{Trials}}, parallelism: 2 }
        checkpoints: { every_epochs: 1, keep_best: 1 }
        labels: { team: pages }
        """);

    [Fact]
    public async Task EveryPage_DrawsTheSweepsData_InChromium()
    {
        var browser = BrowserTests.Find();
        // A price for local machines, so the cost panel has dollars to draw.
        await using var cluster = await TunerCluster.StartAsync(
            await postgres.CreateDatabaseAsync("pages_browser"), new Dictionary<string, string> { ["TUNER_COST__LOCAL_HOURLY_USD"] = "3.5" },
            host: MachineAddress.NonLoopbackIPv4());
        var keys = new Dictionary<string, string>();
        foreach (var role in new[] { "read", "submit", "admin" })
        {
            keys[role] = await cluster.CreateKeyAsync($"pages-{role}", role);
        }

        cluster.UseKey(keys["submit"]);
        using (var anonymous = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{cluster.Url}/api/sweeps")).StatusCode);
        }

        var first = cluster.StartWorker();

        var created = await cluster.Http.PostAsJsonAsync("api/schedules", new { name = Schedule, cron = "0 3 * * *", timeZone = "UTC", template = Template, model = new { name = Model } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var run = await TunerCluster.ReadAsync<ScheduleRunView>(await cluster.Http.PostAsync($"api/schedules/{Schedule}/trigger", null));
        var sweepId = Assert.IsType<long>(run.SweepId);
        // A preemption: SIGTERM the worker while its trial is mid-training with a checkpoint; another worker resumes it.
        var preempted = await Eventually.GetAsync(
            async () => (await cluster.TrialsAsync(sweepId)).FirstOrDefault(t => t is { State: "Running", Checkpoints.Count: > 0, Reports.Count: < 4 }),
            TimeSpan.FromMinutes(2), "a checkpointed trial in mid-training", cluster.Diagnostics);
        first.Terminate();
        Assert.NotNull(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        cluster.StartWorker();

        var sweep = await Eventually.GetAsync(
            async () => await cluster.SweepAsync(sweepId) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(3), $"sweep {sweepId} to complete", cluster.Diagnostics);
        await Eventually.GetAsync(async () =>
        {
            var model = await cluster.Http.GetFromJsonAsync<ModelView>($"api/models/{Model}", Json);
            return model!.Decisions is [{ Outcome: not "Pending" }] ? model : null;
        }, TimeSpan.FromMinutes(2), $"model {Model}'s decision", cluster.Diagnostics);
        Assert.True(sweep.Trials is { Pruned: > 0, Complete: >= 2, Preemptions: > 0 }, $"the sweep should have pruned, complete and preempted trials to draw: {sweep.Trials}");
        var resumed = (await cluster.TrialsAsync(sweepId)).Single(t => t.Id == preempted.Id);
        Assert.True(resumed.Runs is [{ Outcome: "Preempted" }, { ResumedEpoch: > 0 }, ..], $"trial {resumed.Number} should have been preempted, then resumed: {string.Join(", ", resumed.Runs)}");

        var screenshots = Path.Combine(RepositoryPaths.Root, "tests", "Scheduler.EndToEnd.Tests", "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        var (exitCode, output) = await browser.RunAsync(new Dictionary<string, string>
        {
            ["TUNER_URL"] = cluster.Http.BaseAddress!.ToString(),
            ["TUNER_SWEEP_ID"] = sweepId.ToString(CultureInfo.InvariantCulture),
            ["TUNER_SCHEDULE"] = Schedule,
            ["TUNER_MODEL"] = Model,
            ["TUNER_PREEMPTED_TRIAL"] = resumed.Number.ToString(CultureInfo.InvariantCulture),
            ["TUNER_SCREENSHOTS"] = screenshots,
            ["TUNER_KEY_READ"] = keys["read"],
            ["TUNER_KEY_SUBMIT"] = keys["submit"],
            ["TUNER_KEY_ADMIN"] = keys["admin"],
        });

        log.WriteLine(output); // node's own report: each browser test by name, with its time
        Assert.True(exitCode == 0, $"{BrowserTests.Script} exited with {exitCode}:\n{output}\n{cluster.Diagnostics()}");
        foreach (var page in new[] { "signin", "sweeps", "sweep", "trial", "schedules", "schedule", "models", "model" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, page + ".png")).Length > 10_000, $"no screenshot of the {page} page in {screenshots}");
        }
    }
}
