using System.Text;

namespace Tuner.LocalPostgres;

/// <summary>
/// Writes tuner.conf (included from postgresql.conf) before each start, so the port and durability follow the
/// options: loopback TCP only, the Unix socket inside the data directory, room for Hangfire and many workers.
/// </summary>
internal static class ServerConfiguration
{
    public const int MaxConnections = 300;
    private const string FileName = "tuner.conf";
    private const string IncludeLine = "include = 'tuner.conf'";

    // sockaddr_un.sun_path holds 108 bytes; postgres needs room for "/.s.PGSQL.<port>" and a terminating NUL.
    private const int MaxSocketDirectoryLength = 107 - 16;

    public static async Task WriteAsync(string dataDirectory, LocalPostgresOptions options, ServerAccount account, CancellationToken ct)
    {
        var mainFile = Path.Combine(dataDirectory, "postgresql.conf");
        if (!(await File.ReadAllLinesAsync(mainFile, ct)).Contains(IncludeLine))
        {
            await File.AppendAllTextAsync(mainFile, $"\n# Settings written by Tuner on every start\n{IncludeLine}\n", ct);
        }
        var path = Path.Combine(dataDirectory, FileName);
        await File.WriteAllTextAsync(path, Render(dataDirectory, options), ct);
        await account.GiveOwnershipAsync(path, ct);
    }

    private static string Render(string dataDirectory, LocalPostgresOptions options)
    {
        var durability = options.Durable ? "on" : "off";
        var socketDirectory = dataDirectory.Length <= MaxSocketDirectoryLength ? dataDirectory : "";
        return new StringBuilder()
            .AppendLine("# Written by Tuner before each start; edits are overwritten.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine($"port = {options.Port}")
            .AppendLine($"unix_socket_directories = {Quote(socketDirectory)}")
            .AppendLine($"max_connections = {MaxConnections}")
            .AppendLine($"fsync = {durability}")
            .AppendLine($"synchronous_commit = {durability}")
            .AppendLine($"full_page_writes = {durability}")
            .ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
