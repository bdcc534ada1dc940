using Tuner.Scheduler.Cli.Definitions;
using Tuner.Scheduling.Checkpoints;
using Tuner.Scheduling.Workloads;
using Tuner.Scheduler.Hosting.Settings;
using System.CommandLine;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Cli.LocalRun;
using Tuner.Core.Definitions;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner run FILE`: the local default. Database, server and workers on this machine, live progress, a final report.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Sweep definition (YAML or JSON)" };
        var workers = PositiveNumbers.Option("--workers", "Local worker processes", 2);
        var home = CommonOptions.Home();
        var urls = CommonOptions.Urls();
        var command = new Command("run", "Run a sweep end to end on this machine; Ctrl+C cancels it") { file, workers, home, urls };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = await DefinitionFile.ReadAsync(path, ct);
            var server = ServerSettings.Read(TunerConfiguration.Load(parse.GetValue(CommonOptions.Config)), parse.GetValue(home));
            var store = CheckpointStores.Create(server.Settings);
            text = await LocalDefinition.PrepareAsync(text, path.DirectoryName!, new PluginBundles(store).UploadAsync, ct);
            var catalog = PluginBundles.Catalog(server.Settings.Home, store);
            var parsed = await SweepDefinitionParser.ParseAsync(text, catalog, ct, limits: server.Limits);
            if (parsed.Definition is null)
            {
                throw new CliFailure(ExitCodes.BadInput,
                    $"{path.Name} is not a valid sweep definition ({parsed.Problems.Count} problem(s)); fix these and run again:",
                    parsed.Problems.Select(p => $"{(p.Path.Length == 0 ? "(document)" : p.Path)}{(p.Line is { } l ? $" (line {l})" : "")}: {p.Message}").ToList());
            }

            if (parse.GetValue(urls) is { } u) server = server with { Settings = server.Settings with { Urls = ListenUrls.Validate(u, "--urls") } };
            return await new LocalSweepRun(server, parse.GetValue(workers), parse.GetValue(CommonOptions.Verbose)).RunAsync(parsed.Definition, text);
        });
        return command;
    }
}
