using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>
/// Nightly retraining with a champion, as a user does it: `tuner schedule create --model` against a real `tuner server`
/// with a real `tuner worker`, each night fired with `tuner schedule trigger`, the server's promotion pass deciding, and
/// the champion read, downloaded and explained through `tuner model` and the API. The synthetic workload's `shift`
/// option stands for each night's data (as in tests/Scheduler.Tests/Models/ChampionTests.cs, the in-process version).
/// </summary>
[Collection("postgres")]
public sealed class ModelCliTests(PostgresServerFixture postgres)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Branin over its whole domain: two random trials land well away from its minimum (0.398 at (π, 2.275)).</summary>
    private const string Everywhere = "x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 }";

    /// <summary>The corner where Branin is largest (about 300).</summary>
    private const string Worst = "x0: { type: float, low: -5, high: -4.99 }, x1: { type: float, low: 0, high: 0.01 }";

    [Fact]
    public async Task NightlyRetraining_PromotesTheFirstRun_RefusesAWorseOneOnTheSameData_AndSaysWhatIsWrongInOneLine()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_model"));
        cluster.StartWorker();
        var environment = new Dictionary<string, string> { ["TUNER_SERVER"] = cluster.Http.BaseAddress!.ToString().TrimEnd('/') };
        var night1 = Path.Combine(cluster.Home, "nightly.yaml");
        var night2 = Path.Combine(cluster.Home, "nightly-worst.yaml");
        var downloaded = Path.Combine(cluster.Home, "champion.ckpt");
        await File.WriteAllTextAsync(night1, Template(Everywhere, shift: 500));
        await File.WriteAllTextAsync(night2, Template(Worst, shift: 0));

        // Night 1, on hard data (shift 500): the first run's best trial becomes the champion.
        var created = await Succeeds(TunerCommand.RunAsync(environment, "schedule", "create", "nightly", night1, "--cron", "0 2 * * *", "--model", "branin", "--margin", "1"));
        var fired1 = await Succeeds(TunerCommand.RunAsync(environment, "schedule", "trigger", "nightly"));
        var first = (await DecisionsAsync(cluster, count: 1))[0];
        var champion = await ChampionJsonAsync(cluster);
        var championShown = await Succeeds(TunerCommand.RunAsync(environment, "model", "champion", "branin"));
        var download = await Succeeds(TunerCommand.RunAsync(environment, "model", "download", "branin", "-o", downloaded));

        // Night 2, on easy data (shift 0), searching Branin's worst corner: its best looks far better than the
        // champion's own night-1 score, and is far worse than the champion re-scored on tonight's data.
        var updated = await Succeeds(TunerCommand.RunAsync(environment, "schedule", "update", "nightly", "--template", night2));
        var fired2 = await Succeeds(TunerCommand.RunAsync(environment, "schedule", "trigger", "nightly"));
        var decisions = await DecisionsAsync(cluster, count: 2);
        var shown = await Succeeds(TunerCommand.RunAsync(environment, "model", "show", "branin"));
        var championAfter = await ChampionJsonAsync(cluster);

        // What a user gets wrong: one line on stderr, and the exit code scripts rely on.
        var noModel = await TunerCommand.RunAsync(environment, "model", "show", "nope");
        var nothingToApprove = await TunerCommand.RunAsync(environment, "model", "approve", "branin");
        var marginWithoutModel = await TunerCommand.RunAsync(environment, "schedule", "create", "x", night1, "--cron", "0 2 * * *", "--margin", "1");
        var badGuard = await TunerCommand.RunAsync(environment, "schedule", "create", "x", night1, "--cron", "0 2 * * *", "--model", "m", "--guard", "nonsense");
        var nothingToUpdate = await TunerCommand.RunAsync(environment, "schedule", "update", "nightly");

        // Night 1.
        Assert.StartsWith("schedule nightly created: nightly  '0 2 * * *' UTC  next ", created.Stdout);
        Assert.Contains("  model branin  no runs yet", created.Stdout);
        var (run1, sweep1) = Started(fired1);
        Assert.Equal(("Promoted", "policy"), (first.Outcome, first.DecidedBy));
        Assert.Equal(run1, first.ScheduleRunId);
        Assert.Equal(sweep1, first.Challenger!.SweepId);
        Assert.Null(first.Champion);
        Assert.StartsWith("no champion yet: the challenger scored val_loss = ", first.Reason);

        Assert.Equal(sweep1, champion.GetProperty("sweepId").GetInt64());
        Assert.Equal(first.Challenger.TrialNumber, champion.GetProperty("trialNumber").GetInt32());
        Assert.Equal($"nightly-{run1}", champion.GetProperty("sweepName").GetString());
        var parameters = champion.GetProperty("params");
        Assert.Equal(JsonValueKind.Object, parameters.ValueKind);
        Assert.InRange(parameters.GetProperty("x0").GetDouble(), -5, 10);
        Assert.InRange(parameters.GetProperty("x1").GetDouble(), 0, 15);
        var checkpoint = champion.GetProperty("checkpoint");
        var contentBytes = checkpoint.GetProperty("contentBytes").GetInt64();
        Assert.True(contentBytes > 8, champion.ToString());
        var downloadUrl = champion.GetProperty("downloadUrl").GetString();
        Assert.Equal("/api/models/branin/champion/checkpoint", downloadUrl);
        // Scored on its own run's data, the champion's kept checkpoint gives what it reported there.
        var reported = champion.GetProperty("value").GetDouble();
        Assert.Equal(reported, first.ChallengerScores!["val_loss"], 9);

        var trialLine = $"trial {first.Challenger.TrialNumber} of sweep {sweep1} 'nightly-{run1}' (synthetic), val_loss = ";
        Assert.StartsWith(trialLine, championShown.Stdout);
        Assert.Contains($"  checkpoint: epoch {checkpoint.GetProperty("epoch").GetInt32()}, ", championShown.Stdout);
        Assert.Contains($"`tuner model download branin` or GET {downloadUrl}", championShown.Stdout);

        Assert.StartsWith($"wrote {downloaded} (", download.Stdout);
        var bytes = await File.ReadAllBytesAsync(downloaded);
        Assert.Equal("TUNERCKP"u8.ToArray(), bytes[..8]);
        Assert.Equal(contentBytes, bytes.LongLength);
        // The API's download URL serves the same bytes the CLI wrote.
        Assert.Equal(bytes, await cluster.Http.GetByteArrayAsync(downloadUrl!.TrimStart('/')));

        // Night 2.
        Assert.StartsWith("schedule nightly updated: nightly  '0 2 * * *' UTC  next ", updated.Stdout);
        var (run2, sweep2) = Started(fired2);
        var second = decisions[0];
        Assert.Equal(first.Id, decisions[1].Id);
        Assert.Equal(("Refused", "policy", run2), (second.Outcome, second.DecidedBy, second.ScheduleRunId));
        Assert.Equal(sweep2, second.Challenger!.SweepId);
        Assert.Equal((sweep1, first.Challenger.TrialNumber), (second.Champion!.SweepId, second.Champion.TrialNumber));
        var challengerScore = second.ChallengerScores!["val_loss"];
        var championRescored = second.ChampionScores!["val_loss"];
        Assert.Equal(reported, second.ChampionReportedValue!.Value, 9);
        Assert.True(challengerScore < reported, $"the challenger's {challengerScore} must look better than the champion's own {reported}");
        Assert.True(championRescored < challengerScore, $"the champion re-scored on night 2's data ({championRescored}) must beat the challenger ({challengerScore})");
        Assert.Equal(reported - 500, championRescored, 6);
        Assert.Contains("on the same data: worse by", second.Reason);

        var lines = shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("branin", lines[0]);
        Assert.StartsWith($"  champion: {trialLine}", lines[1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("  previous:", StringComparison.Ordinal));
        var refusedLine = Assert.Single(lines, l => l.StartsWith($"  decision {second.Id}  ", StringComparison.Ordinal));
        Assert.Contains(" Refused ", refusedLine);
        Assert.Contains($"trial {second.Challenger.TrialNumber} of sweep {sweep2}", refusedLine);
        Assert.Contains(FormattableString.Invariant($"val_loss {challengerScore:0.######} against the champion's {championRescored:0.######} on the same data"), refusedLine);
        Assert.Contains(FormattableString.Invariant($"worse by {challengerScore - championRescored:0.######}"), refusedLine);
        // The champion's own score, in its own sweep on night 1's data, in parentheses: what a naive comparison would use.
        Assert.Matches(@"\([^()]*(?<![\d.])" + Regex.Escape(reported.ToString("0.######", CultureInfo.InvariantCulture)) + @"(?![\d.])[^()]*\)", refusedLine);
        var promotedLine = Assert.Single(lines, l => l.StartsWith($"  decision {first.Id}  ", StringComparison.Ordinal));
        Assert.Contains(" Promoted ", promotedLine);
        Assert.Contains($"trial {first.Challenger.TrialNumber} of sweep {sweep1}", promotedLine);
        Assert.Contains(FormattableString.Invariant($"no champion yet: the challenger scored val_loss = {first.ChallengerScores["val_loss"]:0.######}"), promotedLine);
        Assert.Equal(2, lines.Count(l => l.StartsWith("  decision ", StringComparison.Ordinal)));

        // The champion is unchanged: the same trial, the same checkpoint, since the same time.
        foreach (var property in new[] { "sweepId", "trialNumber", "trialId", "since", "decisionId" })
        {
            Assert.Equal(champion.GetProperty(property).GetRawText(), championAfter.GetProperty(property).GetRawText());
        }

        Assert.Equal(checkpoint.GetRawText(), championAfter.GetProperty("checkpoint").GetRawText());

        // Mistakes.
        var server = environment["TUNER_SERVER"];
        FailsClearly.Assert(noModel, ExitCodes.NotFound, $"there is no model named 'nope' (at {server}); `tuner model list` lists the models there");
        FailsClearly.Assert(nothingToApprove, ExitCodes.Refused, "no decision of model 'branin' awaits approval");
        FailsClearly.Assert(marginWithoutModel, ExitCodes.BadInput, "--margin, --guard and --manual-approval need --model");
        FailsClearly.Assert(badGuard, ExitCodes.BadInput, "--guard 'nonsense' must be METRIC:TOLERANCE or METRIC:TOLERANCE:maximize|minimize");
        FailsClearly.Assert(nothingToUpdate, ExitCodes.BadInput, "nothing to change: give --template, --cron or --time-zone");
        // None of the refused commands made a schedule.
        Assert.Equal(["nightly"], (await cluster.Http.GetFromJsonAsync<List<ScheduleView>>("api/schedules", Json))!.Select(s => s.Name));
    }

    private static string Template(string space, double shift) => $$"""
        name: nightly-{run_id}
        workload: { kind: synthetic, max_epochs: 10, function: branin, noise: 0, shift: {{shift.ToString(CultureInfo.InvariantCulture)}} }
        objective: { metric: val_loss }
        space: { {{space}} }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 2, parallelism: 1 }
        checkpoints: { keep_best: 1 }
        """;

    private static async Task<TunerCommand.Result> Succeeds(Task<TunerCommand.Result> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>The run and the sweep `tuner schedule trigger` says it started.</summary>
    private static (long Run, long Sweep) Started(TunerCommand.Result fired)
    {
        var match = Regex.Match(fired.Stdout, @"^schedule nightly: run (\d+) started sweep (\d+);");
        Assert.True(match.Success, fired.ToString());
        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Polls GET /api/models/branin until it has <paramref name="count"/> decisions, all decided (the run's
    /// sweep trains, completes, and the promotion pass scores both checkpoints); returns them newest first.</summary>
    private static async Task<IReadOnlyList<DecisionView>> DecisionsAsync(TunerCluster cluster, int count) =>
        await Eventually.GetAsync(async () =>
        {
            var model = await cluster.Http.GetFromJsonAsync<ModelView>("api/models/branin", Json);
            return model!.Decisions.Count == count && model.Decisions.All(d => d.Outcome != "Pending") ? model.Decisions : null;
        }, TimeSpan.FromMinutes(2), $"model branin's decision {count}", cluster.Diagnostics);

    /// <summary>GET /api/models/branin/champion as the JSON a client reads.</summary>
    private static async Task<JsonElement> ChampionJsonAsync(TunerCluster cluster)
    {
        using var response = await cluster.Http.GetAsync("api/models/branin/champion");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
