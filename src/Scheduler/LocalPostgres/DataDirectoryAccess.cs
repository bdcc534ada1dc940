namespace Tuner.LocalPostgres;

/// <summary>
/// Prepares the data directory for the server account: creates it (owned by that account), and checks that the
/// account can reach it through every parent and owns it, naming the path that breaks the rule.
/// </summary>
internal static class DataDirectoryAccess
{
    // Run as the server account: prints the first parent it cannot traverse, or the data directory it does not own.
    private const string AccessCheck =
        "target=$1; shift; for d in \"$@\"; do [ -x \"$d\" ] || { echo \"$d\"; exit 3; }; done; " +
        "[ -O \"$target\" ] || { echo \"$target\"; exit 4; }";

    public static bool IsInitialized(string path) => File.Exists(Path.Combine(path, "PG_VERSION"));

    /// <summary>Creates the data directory's parent (home of the lock and log files) as this process.</summary>
    public static void CreateParent(string path)
    {
        var parent = Path.GetDirectoryName(path)
            ?? throw new LocalPostgresException($"data directory must not be the file system root, but got '{path}'");
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalPostgresException(
                $"could not create '{parent}', the parent of data directory '{path}', as user '{Environment.UserName}': {e.Message}", e);
        }
    }

    public static async Task PrepareAsync(string path, ServerAccount account, CancellationToken ct)
    {
        var parent = Path.GetDirectoryName(path)
            ?? throw new LocalPostgresException($"data directory must not be the file system root, but got '{path}'");
        var created = !Directory.Exists(path);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalPostgresException(
                $"could not create data directory '{path}' as user '{Environment.UserName}': {e.Message}", e);
        }
        if (!IsInitialized(path))
        {
            if (!created && Directory.EnumerateFileSystemEntries(path).Any())
            {
                throw new LocalPostgresException(
                    $"data directory '{path}' is not empty but holds no PostgreSQL cluster (no PG_VERSION); " +
                    "point DataDirectory at an empty or missing directory");
            }
            await account.GiveOwnershipAsync(path, ct);
        }
        await CheckAccessAsync(path, parent, account, ct);
    }

    private static async Task CheckAccessAsync(string path, string parent, ServerAccount account, CancellationToken ct)
    {
        var result = await account.RunAsync("sh", ["-c", AccessCheck, "sh", path, .. Ancestors(parent)], parent, ct);
        var offender = result.Output.Trim();
        switch (result.ExitCode)
        {
            case 0:
                return;
            case 3:
                throw new LocalPostgresException(
                    $"PostgreSQL runs as {account.Describe()}, which cannot traverse '{offender}' on the way to data " +
                    $"directory '{path}'; make it traversable (chmod o+x '{offender}') or choose a data directory " +
                    "outside it");
            case 4:
                throw new LocalPostgresException(
                    $"data directory '{path}' must be owned by {account.Describe()}, which runs PostgreSQL, but it " +
                    $"is not; chown -R it to that user or choose another directory");
            default:
                throw new LocalPostgresException(
                    $"could not check access to data directory '{path}' as {account.Describe()} " +
                    $"(exit {result.ExitCode}): {result.Output}");
        }
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        var chain = new Stack<string>();
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            chain.Push(current);
        }
        return chain;
    }
}
