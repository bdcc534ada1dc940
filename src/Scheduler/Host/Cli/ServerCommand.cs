using Tuner.Scheduler.Hosting.Settings;
using System.CommandLine;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

internal static class ServerCommand
{
    public static Command Create()
    {
        var home = CommonOptions.Home();
        var urls = CommonOptions.Urls();
        var command = new Command("server", "Run the REST API, the dashboards, the orchestrator and the reconciler") { home, urls };
        command.SetAction(async (parse, _) =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            var server = ServerSettings.Read(TunerConfiguration.Load(parse.GetValue(CommonOptions.Config)), parse.GetValue(home));
            if (parse.GetValue(urls) is { } u) server = server with { Settings = server.Settings with { Urls = ListenUrls.Validate(u, "--urls") } };
            using var loggerFactory = TunerLogging.CreateFactory(verbose);
            await using var database = await DatabaseBootstrap.StartAsync(server.Settings, loggerFactory.CreateLogger("tuner"), CancellationToken.None);
            server = server with { Capacity = server.Capacity with { WorkerRoleDatabaseUrl = database.WorkerConnectionString } };
            await using var app = ServerHost.Build(server, database.ConnectionString, verbose);
            await ServerHost.StartAsync(app);
            Console.WriteLine(ServerUrls.Line(app.Urls));
            Console.WriteLine(await Hosting.Access.AccessBanner.LineAsync(app.Services, CancellationToken.None));
            await app.WaitForShutdownAsync();
            return 0;
        });
        return command;
    }
}
