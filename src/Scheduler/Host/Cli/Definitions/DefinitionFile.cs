using Tuner.Scheduler.Cli.Failures;

namespace Tuner.Scheduler.Cli.Definitions;

/// <summary>Reads a sweep definition file named on the command line, or fails saying which file and why.</summary>
internal static class DefinitionFile
{
    public static async Task<string> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliFailure(ExitCodes.BadInput,
                $"no such file: {file.FullName}{(Directory.Exists(file.FullName) ? " (it is a folder)" : "")}; pass the path of a sweep definition (YAML or JSON)");
        }

        try
        {
            return await File.ReadAllTextAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.BadInput, $"cannot read {file.FullName}: {e.Message}", inner: e);
        }
    }
}
