using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

internal static class CostCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("sweep") { Description = "The sweep whose cost to show" };
        var json = new Option<bool>("--json") { Description = "Print the report as the API's JSON (GET /api/sweeps/{id}/cost)" };
        var trials = new Option<bool>("--trials") { Description = $"List every trial's cost, not only the {CostText.DearestTrials} dearest" };
        var server = CommonOptions.Server();
        var command = new Command("cost", "Show what a sweep cost, split by outcome, and what pruning and spot saved") { id, json, trials, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            var report = await client.CostAsync(parse.GetValue(id), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                return 0;
            }

            CostText.Write(AnsiConsole.Console, Console.Out, report, parse.GetValue(trials));
            return 0;
        });
        return command;
    }
}
