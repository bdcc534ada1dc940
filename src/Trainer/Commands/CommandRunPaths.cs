namespace Tuner.Trainer.Commands;

/// <summary>The files of one run of a command: a private folder under the system's temporary folder (TMPDIR) holding
/// the checkpoint directory and the stop file, deleted when the run ends; and the metrics file, when there is one.</summary>
internal sealed class CommandRunPaths : IDisposable
{
    private CommandRunPaths(string root, string? metricsFile)
    {
        Root = root;
        MetricsFile = metricsFile;
    }

    public string Root { get; }

    /// <summary>The prefix of every run's folder name (<see cref="OrphanedRuns"/> looks for them).</summary>
    public const string FolderPrefix = "tuner-command-";

    public const string CheckpointFolder = "checkpoint";

    public string CheckpointDirectory => Path.Combine(Root, CheckpointFolder);

    public string StopFile => Path.Combine(Root, "stop");

    public string? MetricsFile { get; }

    /// <summary>Creates the run's folder and its empty checkpoint directory, and deletes a metrics file left by an
    /// earlier run (the program appends to it; a resumed program's repeated steps are ignored either way).</summary>
    public static CommandRunPaths Create(string? metricsFile)
    {
        var root = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        OrphanedRuns.Claim(root);
        var paths = new CommandRunPaths(root, metricsFile);
        Directory.CreateDirectory(paths.CheckpointDirectory);
        if (metricsFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(metricsFile)!);
            File.Delete(metricsFile);
        }
        return paths;
    }

    /// <summary>Kills whatever the program started that is still running, then deletes the run's folder.</summary>
    public void Dispose()
    {
        RunProcesses.KillAll(CheckpointDirectory);
        DeleteFolder(Root);
    }

    public static void DeleteFolder(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file the program left read-only or still open; the system's temporary folder is cleaned eventually.
        }
    }
}
