using Tuner.Trainer.Data;

namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>The real MNIST files, in &lt;repository root&gt;/.tuner/data/mnist (downloaded on first use).</summary>
public static class MnistDirectory
{
    private static readonly Lazy<Task<string>> Ready = new(async () =>
    {
        var directory = Path.Join(RepositoryRoot(), ".tuner", "data", "mnist");
        await MnistFiles.EnsureAsync(directory, CancellationToken.None);
        return directory;
    });

    public static Task<string> GetAsync() => Ready.Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "Tuner.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Tuner.sln above {AppContext.BaseDirectory}");
    }
}
