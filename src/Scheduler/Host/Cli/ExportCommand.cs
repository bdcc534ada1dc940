using System.CommandLine;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner export ID`: every trial of a sweep as CSV or JSON (GET /api/sweeps/{id}/export), to stdout or a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("sweep") { Description = "The sweep whose trials to export" };
        var format = new Option<string>("--format")
        {
            Description = "csv (a column param.NAME per parameter) or json (an array of trials)",
            DefaultValueFactory = _ => ExportFormats.Csv,
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.All]);
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (replaced if it exists); stdout when left out" };
        var server = CommonOptions.Server();
        var command = new Command("export", "Export every trial of a sweep: number, state, value, parameters, epochs, preemptions, times and cost")
            { id, format, output, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            Task<string> Download(Func<string, Task<Stream>> destination) =>
                client.ExportAsync(parse.GetValue(id), parse.GetValue(format)!, destination, ct);
            if (parse.GetValue(output) is { } file) return await CheckpointCommand.WriteAsync(Download, file, force: true);
            await Download(_ => Task.FromResult(Console.OpenStandardOutput()));
            return 0;
        });
        return command;
    }
}
