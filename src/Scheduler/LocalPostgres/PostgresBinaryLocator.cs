namespace Tuner.LocalPostgres;

/// <summary>
/// Finds PostgreSQL's server programs: <c>pg_config --bindir</c> when pg_config is on the search path, else the
/// highest version under <paramref name="versionedRoot"/> (Debian's /usr/lib/postgresql/&lt;version&gt;/bin), else
/// initdb on the search path (symbolic links followed).
/// </summary>
internal sealed class PostgresBinaryLocator(string versionedRoot, string? searchPath)
{
    public static PostgresBinaryLocator Default { get; } =
        new("/usr/lib/postgresql", Environment.GetEnvironmentVariable("PATH"));

    public async Task<PostgresBinaries> LocateAsync(CancellationToken ct)
    {
        var directory = await FromPgConfigAsync(ct) ?? FromVersionedRoot() ?? FromSearchPath();
        return directory is not null
            ? new PostgresBinaries(directory)
            : throw new LocalPostgresException(
                $"PostgreSQL server binaries not found in {versionedRoot}/*/bin; install Debian's postgresql " +
                "package (sudo apt-get install -y postgresql) or set TUNER_DATABASE_URL to use an existing server");
    }

    private async Task<string?> FromPgConfigAsync(CancellationToken ct)
    {
        var pgConfig = FindOnSearchPath("pg_config");
        if (pgConfig is null)
        {
            return null;
        }
        var result = await ProcessRunner.RunAsync(pgConfig, ["--bindir"], null, ct);
        var directory = result.Output.Trim();
        return result.Succeeded && PostgresBinaries.AreIn(directory) ? directory : null;
    }

    private string? FromVersionedRoot()
    {
        if (!Directory.Exists(versionedRoot))
        {
            return null;
        }
        return Directory.EnumerateDirectories(versionedRoot)
            .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version is not null && PostgresBinaries.AreIn(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private string? FromSearchPath()
    {
        var initDb = FindOnSearchPath("initdb");
        if (initDb is null)
        {
            return null;
        }
        var target = File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName ?? initDb;
        var directory = Path.GetDirectoryName(target);
        return directory is not null && PostgresBinaries.AreIn(directory) ? directory : null;
    }

    private string? FindOnSearchPath(string program) =>
        (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
}
