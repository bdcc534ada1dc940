using System.CommandLine;
using Tuner.Scheduler.Hosting;

namespace Tuner.Scheduler.Cli;

internal static class ServerCommand
{
    public static Command Create()
    {
        var home = CommonOptions.Home();
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080)" };
        var command = new Command("server", "Run the REST API, the dashboards, the orchestrator and the reconciler") { home, urls };
        command.SetAction(async (parse, ct) =>
        {
            var settings = TunerSettings.FromEnvironment(parse.GetValue(home));
            settings = parse.GetValue(urls) is { } u ? settings with { Urls = u } : settings;
            using var loggerFactory = ConsoleLogging.Create();
            await using var database = await DatabaseBootstrap.StartAsync(settings, loggerFactory.CreateLogger("tuner"), ct);
            var app = ServerHost.Build(settings, database.ConnectionString);
            Console.WriteLine($"API: {settings.Urls}/api/sweeps   docs: {settings.Urls}/docs/api   OpenAPI: {settings.Urls}/openapi/v1.json   Hangfire: {settings.Urls}/hangfire");
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
