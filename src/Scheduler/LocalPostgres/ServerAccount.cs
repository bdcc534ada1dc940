namespace Tuner.LocalPostgres;

/// <summary>
/// The account PostgreSQL runs under. initdb, pg_ctl and postgres refuse to run as root, so when this process is
/// root they run as Debian's unprivileged <c>postgres</c> user through runuser; otherwise as this process's user.
/// </summary>
internal sealed class ServerAccount(bool isRoot)
{
    public const string UnprivilegedUser = "postgres";

    public static ServerAccount Current { get; } = new(Environment.IsPrivilegedProcess);

    public bool IsRoot { get; } = isRoot;

    public string Describe() => IsRoot ? $"user '{UnprivilegedUser}'" : $"user '{Environment.UserName}'";

    public Task<ProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct) =>
        IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", UnprivilegedUser, "--", fileName, .. arguments], workingDirectory, ct)
            : ProcessRunner.RunAsync(fileName, arguments, workingDirectory, ct);

    public async Task EnsureUsableAsync(CancellationToken ct)
    {
        if (!IsRoot)
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("id", ["-u", UnprivilegedUser], null, ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"this process runs as root, and PostgreSQL refuses to run as root, so it must run as user " +
                $"'{UnprivilegedUser}', which does not exist; install Debian's postgresql package (it creates that " +
                "user) or run tuner as a non-root user");
        }
    }

    /// <summary>Gives <paramref name="path"/> to the server user (root only; otherwise it is ours already).</summary>
    public async Task GiveOwnershipAsync(string path, CancellationToken ct)
    {
        if (!IsRoot)
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("chown", [UnprivilegedUser, path], null, ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"could not give '{path}' to user '{UnprivilegedUser}' (chown exited {result.ExitCode}): {result.Output}");
        }
    }
}
