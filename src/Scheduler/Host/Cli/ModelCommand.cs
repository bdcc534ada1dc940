using System.CommandLine;
using System.Globalization;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner model list|show|champion|download|approve|promote|rollback`: the champions schedules keep.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Models that schedules retrain: the champion, every promotion decision, approval and rollback");
        command.Subcommands.Add(Verb("list", "List the models and their champions", named: false, async (client, _, _, ct) =>
        {
            var models = await client.ModelsAsync(ct);
            if (models.Count == 0) Console.WriteLine("no models");
            foreach (var m in models)
            {
                var champion = m.Champion is { } c ? $"champion: trial {c.TrialNumber} of sweep {c.SweepId} '{c.SweepName}' since {m.ChampionSince:yyyy-MM-dd HH:mm}Z" : "no champion yet";
                Console.WriteLine($"{m.Name}  {champion}{(m.AwaitingApproval > 0 ? $"  ({m.AwaitingApproval} awaiting approval)" : "")}");
            }
        }));
        command.Subcommands.Add(Verb("show", "Show a model's champion, previous champion and decisions with their figures", named: true, async (client, name, _, ct) =>
        {
            var model = await client.ModelAsync(name!, ct);
            Console.WriteLine(model.Name);
            Console.WriteLine(model.Champion is { } c ? $"  champion: {Champion(c)}" : "  champion: none yet");
            if (model.Previous is { } p) Console.WriteLine($"  previous: {Champion(p)}");
            foreach (var d in model.Decisions) Console.WriteLine($"  decision {d.Id}  {d.DecidedAt ?? d.CreatedAt:yyyy-MM-dd HH:mm}Z  {d.Outcome,-16} {Decision(d)}");
        }));
        command.Subcommands.Add(Verb("champion", "Show the champion: its trial, parameters, scores and checkpoint", named: true, async (client, name, _, ct) =>
        {
            var champion = await client.ChampionAsync(name!, ct);
            Console.WriteLine(Champion(champion));
            Console.WriteLine($"  params: {champion.Params.GetRawText()}");
            if (champion.Scores is { } scores) Console.WriteLine($"  scores: {Scores(scores)}");
            Console.WriteLine($"  checkpoint: epoch {champion.Checkpoint.Epoch}, {champion.Checkpoint.ContentBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; `tuner model download {name}` or GET {champion.DownloadUrl}");
        }));
        command.Subcommands.Add(Download());
        command.Subcommands.Add(Verb("approve", "Promote the challenger that awaits approval", named: true, async (client, name, note, ct) =>
            Report(await client.DecideAsync(name!, "approve", new ModelAction(note), $"approving model {name}'s challenger", ct))));
        command.Subcommands.Add(Promote());
        command.Subcommands.Add(Verb("rollback", "Make the previous champion the champion again", named: true, async (client, name, note, ct) =>
            Report(await client.DecideAsync(name!, "rollback", new ModelAction(note), $"rolling model {name} back", ct))));
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "The model's name" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it; the server's name for it in this folder when left out" };
        var force = new Option<bool>("--force") { Description = "Replace the output file if it exists" };
        var server = CommonOptions.Server();
        var command = new Command("download", "Download the champion's checkpoint as its workload wrote it (verified and decompressed)") { name, output, force, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse, server);
            return await CheckpointCommand.WriteAsync(destination => client.DownloadChampionAsync(parse.GetValue(name)!, destination, ct), parse.GetValue(output), parse.GetValue(force));
        });
        return command;
    }

    private static Command Promote()
    {
        var name = new Argument<string>("name") { Description = "The model's name (made if there is none)" };
        var sweep = new Argument<long>("sweep") { Description = "The sweep of the trial to make champion" };
        var trial = new Argument<int>("trial") { Description = "The trial's number (it must be complete and keep a checkpoint)" };
        var note = new Option<string?>("--note") { Description = "Why, kept with the decision" };
        var server = CommonOptions.Server();
        var command = new Command("promote", "Make a trial the champion without a comparison (an operator's forced promotion)") { name, sweep, trial, note, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse, server);
            Report(await client.DecideAsync(parse.GetValue(name)!, "promote", new ModelPromotion(parse.GetValue(sweep), parse.GetValue(trial), parse.GetValue(note)),
                $"promoting trial {parse.GetValue(trial)} of sweep {parse.GetValue(sweep)} in model {parse.GetValue(name)}", ct));
            return 0;
        });
        return command;
    }

    private static Command Verb(string verb, string description, bool named, Func<TunerApiClient, string?, string?, CancellationToken, Task> act)
    {
        var server = CommonOptions.Server();
        var command = new Command(verb, description) { server };
        var name = named ? new Argument<string>("name") { Description = "The model's name" } : null;
        if (name is not null) command.Arguments.Add(name);
        var note = verb is "approve" or "rollback" ? new Option<string?>("--note") { Description = "Why, kept with the decision" } : null;
        if (note is not null) command.Options.Add(note);
        command.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse, server);
            await act(client, name is null ? null : parse.GetValue(name), note is null ? null : parse.GetValue(note), ct);
            return 0;
        });
        return command;
    }

    private static TunerApiClient Client(ParseResult parse, Option<string?> server) =>
        new(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));

    private static void Report(DecisionView d) => Console.WriteLine($"decision {d.Id}: {d.Outcome}: {Decision(d)}");

    private static string Champion(ChampionView c) => FormattableString.Invariant(
        $"trial {c.TrialNumber} of sweep {c.SweepId} '{c.SweepName}' ({c.Workload}), {c.Metric} = {c.Value:0.######} in its sweep{(c.Since is { } since ? $", champion since {since:yyyy-MM-dd HH:mm}Z" : "")}");

    /// <summary>The challenger and why (the reason carries both scores on the run's data), and the champion's score in its own sweep.</summary>
    private static string Decision(DecisionView d)
    {
        var challenger = d.Challenger is { } c ? $"trial {c.TrialNumber} of sweep {c.SweepId}" : "no challenger";
        var own = d.ChampionReportedValue is { } reported && d.ChampionScores is not null
            ? FormattableString.Invariant($" (the champion's score in its own sweep: {reported:0.######})")
            : "";
        return $"{challenger}: {d.Reason}{own}";
    }

    private static string Scores(IReadOnlyDictionary<string, double> scores) =>
        string.Join(", ", scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => FormattableString.Invariant($"{s.Key} = {s.Value:0.######}")));
}
