using Tuner.Scheduler.Cli.Definitions;
using Tuner.Scheduler.Hosting.Settings;
using System.CommandLine;

namespace Tuner.Scheduler.Cli;

internal static class SubmitCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Sweep definition (YAML or JSON)" };
        var server = CommonOptions.Server();
        var command = new Command("submit", "Submit a sweep to a running server") { file, server };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = await DefinitionFile.ReadAsync(path, ct);
            var address = ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config)));
            using var client = new TunerApiClient(address);
            text = await LocalDefinition.PrepareAsync(text, path.DirectoryName!, client.UploadBundleAsync, ct);
            var created = await client.SubmitAsync(text, path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase), path.Name, ct);
            Console.WriteLine($"sweep {created.Id} ({created.Name}) submitted; follow it with `tuner status {created.Id} --server {address}`");
            foreach (var warning in created.Warnings ?? [])
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }

            return 0;
        });
        return command;
    }
}
