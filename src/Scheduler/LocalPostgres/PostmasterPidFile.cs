using System.Globalization;

namespace Tuner.LocalPostgres;

/// <summary>
/// The postmaster.pid a server keeps in its data directory (line 1 the PID, line 4 the port). A server killed with
/// SIGKILL leaves it behind, and its PID may since have become a zombie or another program.
/// </summary>
internal sealed record PostmasterPidFile(string Path, string Identity, int ProcessId, int Port)
{
    public const string FileName = "postmaster.pid";

    public static PostmasterPidFile? Read(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var lines = content.Split('\n');
        return new PostmasterPidFile(path, IdentityOf(content), ParseLine(lines, 0), ParseLine(lines, 3));
    }

    /// <summary>PID, data directory and start time: the lines a server never rewrites while it runs.</summary>
    public static string IdentityOf(string content) => string.Join('\n', content.Split('\n').Take(3));

    /// <summary>Whether the PID in the file is a running server of this very data directory.</summary>
    public bool BelongsToLiveServer() => ProcessId > 0 && ServerProcesses.IsLiveServer(ProcessId, Identity);

    private static int ParseLine(string[] lines, int index) =>
        lines.Length > index && int.TryParse(lines[index].Trim(), CultureInfo.InvariantCulture, out var value) ? value : 0;
}
