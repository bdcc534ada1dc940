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
            using var client = new TunerApiClient(parse.GetValue(server)!);
            Console.WriteLine(await client.CancelAsync(parse.GetValue(id), ct));
            return 0;
        });
        return command;
    }
}
