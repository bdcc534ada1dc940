using Tuner.Scheduler.Hosting.Settings;
using System.CommandLine;

namespace Tuner.Scheduler.Cli;

internal static class CancelCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("sweep") { Description = "The sweep to cancel" };
        var server = CommonOptions.Server();
        var command = new Command("cancel", "Cancel a running sweep") { id, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            var sweepId = parse.GetValue(id);
            var sweep = await client.CancelAsync(sweepId, ct);
            Console.WriteLine($"sweep {sweepId}{(sweep is null ? "" : $" ({sweep.Name})")} is cancelling: waiting trials are cancelled, running ones stop at the end of their current epoch");
            return 0;
        });
        return command;
    }
}
