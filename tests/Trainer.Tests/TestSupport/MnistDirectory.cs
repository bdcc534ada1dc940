using Tuner.TestSupport;
using Tuner.Trainer.Data;

namespace Tuner.Trainer.Tests.TestSupport;

/// <summary>The real MNIST files, in &lt;repository root&gt;/.tuner/data/mnist (downloaded on first use).</summary>
public static class MnistDirectory
{
    private static readonly Lazy<Task<string>> Ready = new(async () =>
    {
        var directory = RepositoryPaths.MnistDirectory;
        await MnistFiles.EnsureAsync(directory, CancellationToken.None);
        return directory;
    });

    public static Task<string> GetAsync() => Ready.Value;
}
