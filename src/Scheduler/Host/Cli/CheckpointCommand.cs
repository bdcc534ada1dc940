using System.CommandLine;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting.Settings;

namespace Tuner.Scheduler.Cli;

internal static class CheckpointCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("sweep") { Description = "The sweep" };
        var number = new Argument<int>("trial") { Description = "The trial's number in the sweep (as `tuner status` shows it: #12 is 12)" };
        var epoch = new Option<int?>("--epoch") { Description = "The checkpoint at the end of this epoch; the trial's newest when left out" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it; the server's name for it (sweep-S-trial-T-epoch-E.ckpt) in this folder when left out" };
        var force = new Option<bool>("--force") { Description = "Replace the output file if it exists" };
        var server = CommonOptions.Server();
        var command = new Command("checkpoint",
            "Download a trial's checkpoint as its workload wrote it (verified and decompressed): TUNERCKP for built-in and plugin workloads, a tar archive for a command workload")
            { id, number, epoch, output, force, server };
        command.SetAction(async (parse, ct) =>
        {
            using var client = new TunerApiClient(ServerAddress.Resolve(parse.GetValue(server), TunerConfiguration.Load(parse.GetValue(CommonOptions.Config))));
            return await WriteAsync(
                destination => client.DownloadCheckpointAsync(parse.GetValue(id), parse.GetValue(number), parse.GetValue(epoch), destination, ct),
                parse.GetValue(output), parse.GetValue(force));
        });
        return command;
    }

    /// <summary>Writes a download to <paramref name="output"/> (or the server's name for it, in this folder) through a
    /// temporary file renamed at the end, so a failed download leaves nothing; an existing file only with <paramref name="force"/>.</summary>
    public static async Task<int> WriteAsync(Func<Func<string, Task<Stream>>, Task<string>> download, string? output, bool force)
    {
        string? written = null;
        string? temporary = null;
        try
        {
            var name = await download(offered =>
            {
                written = Path.GetFullPath(output ?? offered);
                if (File.Exists(written) && !force)
                    throw new CliFailure(ExitCodes.BadInput, $"{written} exists; name another file with --output, or replace it with --force");
                if (!Directory.Exists(Path.GetDirectoryName(written)))
                    throw new CliFailure(ExitCodes.BadInput, $"cannot write {written}: the folder {Path.GetDirectoryName(written)} does not exist");
                temporary = written + $".part-{Guid.NewGuid():N}";
                return Task.FromResult<Stream>(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write));
            });
            File.Move(temporary!, written!, overwrite: true);
            Console.WriteLine($"wrote {written} ({new FileInfo(written!).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes; the server named it {name})");
            return 0;
        }
        finally
        {
            if (temporary is not null) File.Delete(temporary);
        }
    }
}
