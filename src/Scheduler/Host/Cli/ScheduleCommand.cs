using System.CommandLine;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.Definitions;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner schedule create|list|show|pause|resume|delete|trigger`: recurring sweeps on a running server.</summary>
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
            Console.WriteLine(Line(await client.PauseScheduleAsync(name!, true, ct)))));
        command.Subcommands.Add(Simple("resume", "Resume a paused schedule", "The schedule's name", async (client, name, ct) =>
            Console.WriteLine(Line(await client.PauseScheduleAsync(name!, false, ct)))));
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
        var overlap = new Option<string>("--overlap") { Description = "What a firing does while the previous run still runs: skip or queue", DefaultValueFactory = _ => "skip" };
        overlap.AcceptOnlyFromAmong("skip", "queue");
        var server = CommonOptions.Server();
        var command = new Command("create", "Create a schedule from a sweep template") { name, file, cron, zone, warm, overlap, server };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = await DefinitionFile.ReadAsync(path, ct);
            using var client = Client(parse, server);
            text = await LocalDefinition.PrepareAsync(text, path.DirectoryName!, client.UploadBundleAsync, ct);
            var schedule = await client.CreateScheduleAsync(new ScheduleCreate(parse.GetValue(name), parse.GetValue(cron), parse.GetValue(zone), text, parse.GetValue(warm), parse.GetValue(overlap)), path.Name, ct);
            Console.WriteLine($"schedule {schedule.Name} created: {Line(schedule)}");
            return 0;
        });
        return command;
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
        return $"{s.Name}  '{s.Cron}' {s.TimeZone}  {next}{last}";
    }
}
