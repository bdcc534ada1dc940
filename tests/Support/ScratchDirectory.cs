using Tuner.LocalPostgres;

namespace Tuner.TestSupport;

/// <summary>
/// A fresh temporary directory that PostgreSQL's account can use: when tests run as root it belongs to the
/// unprivileged server user, because mkdtemp's mode 0700 would keep that user out. Deleted on dispose.
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    public static async Task<ScratchDirectory> CreateAsync(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix);
        await ServerAccount.Current.GiveOwnershipAsync(directory.FullName, CancellationToken.None);
        return new ScratchDirectory(directory.FullName);
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
