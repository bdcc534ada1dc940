using System.CommandLine;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.Definitions;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner schedule create|list|show|pause|resume|update|delete|trigger`: recurring sweeps on a running server.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("schedule", "Recurring sweeps (nightly retraining): a sweep made from a template at every occurrence of a cron expression");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(Simple("list", "List the schedules with their next firing and last run", null, async (client, _, ct) =>
        {
            var schedules = await client.SchedulesAsync(ct);
            if (schedules.Count == 0) Console.WriteLine("no schedules");
            foreach (var s in schedules) Console.WriteLine(Line(s));
        }));
        command.Subcommands.Add(Simple("show", "Show a schedule and its latest runs", "The schedule's name", async (client, name, ct) =>
        {
            var schedule = await client.ScheduleAsync(name!, ct);
            Console.WriteLine(Line(schedule));
            foreach (var run in schedule.Runs) Console.WriteLine(FormattableString.Invariant($"  run {run.Id}  {run.FiredAt:yyyy-MM-dd HH:mm:ss}Z  {run.RunDate}  {run.Outcome,-8} {(run.SweepId is { } id ? $"sweep {id}" : "")}  {run.Message}"));
        }));
        command.Subcommands.Add(Simple("pause", "Pause a schedule: it fires no more until resumed", "The schedule's name", async (client, name, ct) =>
            Console.WriteLine(Line(await client.ChangeScheduleAsync(name!, new ScheduleChange(Paused: true), $"pausing schedule {name}", ct)))));
        command.Subcommands.Add(Simple("resume", "Resume a paused schedule", "The schedule's name", async (client, name, ct) =>
            Console.WriteLine(Line(await client.ChangeScheduleAsync(name!, new ScheduleChange(Paused: false), $"resuming schedule {name}", ct)))));
        command.Subcommands.Add(UpdateCommand());
        command.Subcommands.Add(Simple("delete", "Delete a schedule (the sweeps it started stay)", "The schedule's name", async (client, name, ct) =>
        {
            await client.DeleteScheduleAsync(name!, ct);
            Console.WriteLine($"schedule {name} deleted");
        }));
        command.Subcommands.Add(Simple("trigger", "Fire a schedule now (skipped while its previous run still runs)", "The schedule's name", async (client, name, ct) =>
        {
            var run = await client.TriggerScheduleAsync(name!, ct);
            Console.WriteLine(run.SweepId is { } sweep ? $"schedule {name}: run {run.Id} started sweep {sweep}; follow it with `tuner status {sweep}`" : $"schedule {name}: run {run.Id} {run.Outcome}: {run.Message}");
        }));
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Argument<string>("name") { Description = "The schedule's name (its Hangfire recurring job is schedule-NAME)" };
        var file = new Argument<FileInfo>("template") { Description = "The sweep definition each run is made from (YAML or JSON), with {run_date} and {run_id}" };
        var cron = new Option<string>("--cron") { Description = "When it fires: five cron fields, e.g. '0 2 * * *' for 02:00 every day", Required = true };
        var zone = new Option<string>("--time-zone") { Description = "The IANA time zone of the cron's wall clock", DefaultValueFactory = _ => "UTC" };
        var warm = PositiveNumbers.Optional("--warm-start-best", "Each run starts from the previous run's best N configurations (unless the template has its own warm_start)");
        var prior = new Option<double?>("--warm-start-prior-weight") { Description = "With --warm-start-best: the previous run's complete trials also guide the sampler, each counting this much (0 < W <= 1) against one of the run's own" };
        var overlap = new Option<string>("--overlap") { Description = "What a firing does while the previous run still runs: skip or queue", DefaultValueFactory = _ => "skip" };
        overlap.AcceptOnlyFromAmong("skip", "queue");
        var model = new Option<string?>("--model") { Description = "A model each run's best trial challenges: it becomes the champion only if it beats the champion re-scored on the run's data" };
        var margin = new Option<double?>("--margin") { Description = "How much better than the champion, in the objective's units, a challenger must score (default 0)" };
        var guards = new Option<string[]>("--guard")
        {
            Description = "METRIC:TOLERANCE[:maximize|minimize]: a secondary metric the challenger may be worse on by at most TOLERANCE (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var manual = new Option<bool>("--manual-approval") { Description = "A passing challenger waits for `tuner model approve` instead of being promoted" };
        var server = CommonOptions.Server();
        var command = new Command("create", "Create a schedule from a sweep template")
            { name, file, cron, zone, warm, prior, overlap, model, margin, guards, manual, server };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var promotion = ModelOption(parse.GetValue(model), parse.GetValue(margin), parse.GetValue(guards) ?? [], parse.GetValue(manual));
            var text = await DefinitionFile.ReadAsync(path, ct);
            using var client = Client(parse, server);
            text = await LocalDefinition.PrepareAsync(text, path.DirectoryName!, client.UploadBundleAsync, ct);
            var schedule = await client.CreateScheduleAsync(
                new ScheduleCreate(parse.GetValue(name), parse.GetValue(cron), parse.GetValue(zone), text, parse.GetValue(warm), parse.GetValue(overlap), promotion, parse.GetValue(prior)),
                path.Name, ct);
            Console.WriteLine($"schedule {schedule.Name} created: {Line(schedule)}");
            return 0;
        });
        return command;
    }

    private static Command UpdateCommand()
    {
        var name = new Argument<string>("name") { Description = "The schedule's name" };
        var file = new Option<FileInfo?>("--template") { Description = "A new sweep template (YAML or JSON); the next run uses it" };
        var cron = new Option<string?>("--cron") { Description = "A new cron expression" };
        var zone = new Option<string?>("--time-zone") { Description = "A new IANA time zone" };
        var server = CommonOptions.Server();
        var command = new Command("update", "Change a schedule's template, cron expression or time zone (checked as at creation)") { name, file, cron, zone, server };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            if (path is null && parse.GetValue(cron) is null && parse.GetValue(zone) is null)
                throw new CliFailure(ExitCodes.BadInput, "nothing to change: give --template, --cron or --time-zone");
            using var client = Client(parse, server);
            string? text = null;
            if (path is not null) text = await LocalDefinition.PrepareAsync(await DefinitionFile.ReadAsync(path, ct), path.DirectoryName!, client.UploadBundleAsync, ct);
            var schedule = await client.ChangeScheduleAsync(parse.GetValue(name)!,
                new ScheduleChange(Cron: parse.GetValue(cron), TimeZone: parse.GetValue(zone), Template: text), $"updating schedule {parse.GetValue(name)}", ct);
            Console.WriteLine($"schedule {schedule.Name} updated: {Line(schedule)}");
            return 0;
        });
        return command;
    }

    /// <summary>The model section from the options; every malformed --guard is one clear failure.</summary>
    private static ScheduleModel? ModelOption(string? model, double? margin, string[] guards, bool manual)
    {
        if (model is null)
        {
            return margin is null && guards.Length == 0 && !manual ? null
                : throw new CliFailure(ExitCodes.BadInput, "--margin, --guard and --manual-approval need --model: they say when a challenger replaces the model's champion");
        }

        var parsed = guards.Select(g =>
        {
            var parts = g.Split(':');
            return parts.Length is 2 or 3 && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var tolerance)
                ? new ScheduleMetricGuard(parts[0], tolerance, parts.Length == 3 ? parts[2] : null)
                : throw new CliFailure(ExitCodes.BadInput, $"--guard '{g}' must be METRIC:TOLERANCE or METRIC:TOLERANCE:maximize|minimize, such as val_loss:0.02");
        }).ToList();
        return new ScheduleModel(model, margin, parsed, manual);
    }

    private static Command Simple(string verb, string description, string? nameDescription, Func<TunerApiClient, string?, CancellationToken, Task> act)
    {
        var server = CommonOptions.Server();
        var command = new Command(verb, description) { server };
        var name = nameDescription is null ? null : new Argument<string>("name") { Description = nameDescription };
        if (name is not null) command.Arguments.Add(name);
        command.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse, server);
            await act(client, name is null ? null : parse.GetValue(name), ct);
            return 0;
        });
        return command;
    }

    private static TunerApiClient Client(ParseResult parse, Option<string?> server) =>
        new(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));

    private static string Line(ScheduleView s)
    {
        // The next firing on the schedule's own wall clock, with its offset from UTC.
        var next = s.Paused ? "paused" : FormattableString.Invariant($"next {s.NextRunAt:yyyy-MM-dd HH:mm zzz}");
        var last = s.Runs.Count > 0
            ? $"  last run {s.Runs[0].Id}: {s.Runs[0].Outcome}{(s.Runs[0].SweepId is { } id ? $" (sweep {id})" : "")}"
            : "  no runs yet";
        var model = s.Model is { } m ? $"  model {m.Name}" : "";
        return $"{s.Name}  '{s.Cron}' {s.TimeZone}  {next}{model}{last}";
    }
}
