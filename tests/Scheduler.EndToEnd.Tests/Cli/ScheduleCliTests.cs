using System.Text.RegularExpressions;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>`tuner schedule` against a real `tuner server`: create from a template file, list, fire now (a sweep
/// named by its run), skip while that run's sweep runs, pause, delete; and one clear line for what is wrong.</summary>
[Collection("postgres")]
public sealed partial class ScheduleCliTests(PostgresServerFixture postgres)
{
    private const string Template = """
        name: nightly-{run_id}
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
        budget: { max_trials: 2, parallelism: 1 }
        labels: { data: "mnist/{run_date}" }
        """;

    [Fact]
    public async Task Schedule_CreateListTriggerPauseDelete_ThroughTheCli()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_schedule"));
        var environment = new Dictionary<string, string> { ["TUNER_SERVER"] = cluster.Http.BaseAddress!.ToString().TrimEnd('/') };
        var file = Path.Combine(cluster.Home, "nightly.yaml");
        await File.WriteAllTextAsync(file, Template);

        var created = await TunerCommand.RunAsync(environment, "schedule", "create", "nightly", file, "--cron", "0 2 * * *", "--time-zone", "Europe/Paris");
        var fired = await TunerCommand.RunAsync(environment, "schedule", "trigger", "nightly");
        var skipped = await TunerCommand.RunAsync(environment, "schedule", "trigger", "nightly");
        var listed = await TunerCommand.RunAsync(environment, "schedule", "list");
        var paused = await TunerCommand.RunAsync(environment, "schedule", "pause", "nightly");
        var shown = await TunerCommand.RunAsync(environment, "schedule", "show", "nightly");
        var deleted = await TunerCommand.RunAsync(environment, "schedule", "delete", "nightly");
        var gone = await TunerCommand.RunAsync(environment, "schedule", "trigger", "nightly");
        var badCron = await TunerCommand.RunAsync(environment, "schedule", "create", "other", file, "--cron", "at two");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.StartsWith("schedule nightly created: nightly  '0 2 * * *' Europe/Paris  next ", created.Stdout);
        var started = StartedSweep().Match(fired.Stdout);
        Assert.True(started.Success, fired.ToString());
        Assert.Equal($"nightly-{started.Groups["run"].Value}", (await cluster.SweepAsync(long.Parse(started.Groups["sweep"].Value, System.Globalization.CultureInfo.InvariantCulture))).Name);
        Assert.Contains("Skipped: triggered through the API: skipped, the previous run", skipped.Stdout);
        Assert.Contains("last run", listed.Stdout);
        Assert.Contains("nightly  '0 2 * * *' Europe/Paris  paused", paused.Stdout);
        Assert.Contains("Started", shown.Stdout);
        Assert.Equal("schedule nightly deleted", deleted.Stdout.Trim());
        FailsClearly.Assert(gone, ExitCodes.NotFound, "no schedule 'nightly' at");
        Assert.True(badCron.ExitCode == ExitCodes.BadInput, badCron.ToString());
        Assert.Equal("tuner: the schedule (template nightly.yaml) was rejected by the server: 1 problem(s) found", badCron.StderrLines[0]);
        Assert.StartsWith("cron: expected a cron expression of five fields", badCron.StderrLines[1].Trim());
        Assert.DoesNotContain("   at ", badCron.Stderr);
    }

    [GeneratedRegex(@"^schedule nightly: run (?<run>\d+) started sweep (?<sweep>\d+);")]
    private static partial Regex StartedSweep();
}
