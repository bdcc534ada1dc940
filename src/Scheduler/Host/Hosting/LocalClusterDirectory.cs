using System.Security.Cryptography;
using System.Text;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// Where the private cluster's data directory goes: HOME/pg, unless the server account cannot reach it. PostgreSQL
/// refuses to run as root, so as root Tuner runs it as the `postgres` user, which cannot enter a home under a private
/// folder such as /root (mode 0700); then the cluster lives in /var/tmp/tuner-pg-HASH, one per Tuner home.
/// </summary>
public static class LocalClusterDirectory
{
    public static string For(string home)
    {
        var preferred = Path.Combine(home, "pg");
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || OthersCanTraverse(home))
        {
            return preferred;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(home))))[..12];
        return Path.Combine("/var/tmp", $"tuner-pg-{hash}", "pg");
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool OthersCanTraverse(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
