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
            var text = await File.ReadAllTextAsync(path.FullName, ct);
            using var client = new TunerApiClient(parse.GetValue(server)!);
            var (created, problems) = await client.SubmitAsync(text, path.Extension == ".json", ct);
            if (created is null)
            {
                await Console.Error.WriteLineAsync($"rejected: {problems}");
                return 2;
            }

            Console.WriteLine($"sweep {created.Id} ({created.Name}) submitted");
            foreach (var warning in created.Warnings ?? [])
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }

            return 0;
        });
        return command;
    }
}
