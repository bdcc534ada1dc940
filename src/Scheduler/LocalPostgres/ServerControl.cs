namespace Tuner.LocalPostgres;

/// <summary>initdb and pg_ctl for one data directory, run as the server account.</summary>
internal sealed class ServerControl(PostgresBinaries binaries, ServerAccount account, string dataDirectory)
{
    public const string SuperUser = "tuner";
    private const string StartTimeoutSeconds = "60";
    private const int LogLinesInErrors = 20;

    public string DataDirectory { get; } = dataDirectory;

    public string LogFile { get; } = Path.Combine(Path.GetDirectoryName(dataDirectory)!, "postgres.log");

    private string WorkingDirectory => Path.GetDirectoryName(DataDirectory)!;

    public async Task InitializeAsync(bool durable, CancellationToken ct)
    {
        string[] arguments =
        [
            "-D", DataDirectory, "--auth=trust", $"--username={SuperUser}", "-E", "UTF8", "--locale=C",
            .. durable ? Array.Empty<string>() : ["--no-sync"],
        ];
        var result = await account.RunAsync(binaries.InitDb, arguments, WorkingDirectory, ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"initdb for data directory '{DataDirectory}' exited {result.ExitCode}: {result.Output}");
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await PrepareLogFileAsync(ct);
        var result = await account.RunAsync(
            binaries.PgCtl,
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", StartTimeoutSeconds],
            WorkingDirectory,
            ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"pg_ctl start for data directory '{DataDirectory}' exited {result.ExitCode}: {result.Output}\n" +
                $"Last lines of {LogFile}:\n{await LogTailAsync(ct)}");
        }
    }

    /// <summary>Stops the server (fast shutdown); returns false when none was running.</summary>
    public async Task<bool> StopAsync(CancellationToken ct)
    {
        if (PostmasterPidFile.Read(DataDirectory) is not { } pidFile || !pidFile.BelongsToLiveServer())
        {
            return false;
        }
        var result = await account.RunAsync(
            binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", StartTimeoutSeconds], WorkingDirectory, ct);
        if (!result.Succeeded && PostmasterPidFile.Read(DataDirectory) is not null)
        {
            throw new LocalPostgresException(
                $"pg_ctl stop for data directory '{DataDirectory}' exited {result.ExitCode}: {result.Output}");
        }
        return result.Succeeded;
    }

    public async Task<string> LogTailAsync(CancellationToken ct)
    {
        if (!File.Exists(LogFile))
        {
            return "(no log file)";
        }
        var lines = await File.ReadAllLinesAsync(LogFile, ct);
        return string.Join('\n', lines.TakeLast(LogLinesInErrors));
    }

    // pg_ctl opens the log as the server account, which need not be able to write to the parent directory.
    private async Task PrepareLogFileAsync(CancellationToken ct)
    {
        if (!File.Exists(LogFile))
        {
            await File.AppendAllTextAsync(LogFile, "", ct);
        }
        await account.GiveOwnershipAsync(LogFile, ct);
    }
}
