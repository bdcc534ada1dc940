using System.CommandLine;
using Tuner.Scheduler.Cli.LocalRun;
using Tuner.Scheduler.Definitions;
using Tuner.Scheduler.Hosting;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner run FILE`: the local default. Database, server and workers on this machine, live progress, a final report.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Sweep definition (YAML or JSON)" };
        var workers = new Option<int>("--workers") { Description = "Local worker processes", DefaultValueFactory = _ => 2 };
        var home = CommonOptions.Home();
        var urls = new Option<string?>("--urls") { Description = "Where the API listens (default http://127.0.0.1:5080)" };
        var command = new Command("run", "Run a sweep end to end on this machine") { file, workers, home, urls };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"no such file: {path.FullName}");
                return 2;
            }

            var text = await File.ReadAllTextAsync(path.FullName, ct);
            DefinitionLimits limits;
            try
            {
                limits = DefinitionLimitsSetup.Read();
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException error)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, error.Failures));
                return 2;
            }

            var parsed = SweepDefinitionParser.Parse(text, limits: limits);
            if (parsed.Definition is null)
            {
                await Console.Error.WriteLineAsync($"{path.Name} is not a valid sweep definition:");
                foreach (var problem in parsed.Problems)
                {
                    await Console.Error.WriteLineAsync($"  {(problem.Path.Length == 0 ? "(document)" : problem.Path)}{(problem.Line is { } l ? $" (line {l})" : "")}: {problem.Message}");
                }

                return 2;
            }

            var settings = TunerSettings.FromEnvironment(parse.GetValue(home));
            settings = parse.GetValue(urls) is { } u ? settings with { Urls = u } : settings;
            var workerCount = parse.GetValue(workers);
            if (workerCount < 1)
            {
                await Console.Error.WriteLineAsync($"--workers must be at least 1, but got {workerCount}");
                return 2;
            }

            return await new LocalSweepRun(settings, workerCount).RunAsync(parsed.Definition, text);
        });
        return command;
    }
}
