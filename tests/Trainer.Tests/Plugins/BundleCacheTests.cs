using System.IO.Compression;
using Tuner.TestSupport.Plugins;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Plugins;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Plugins;

/// <summary>Bundles packed from a build output, stored under their digest, fetched and verified on a worker.</summary>
public sealed class BundleCacheTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private FileSystemCheckpointStore Store => new(Path.Combine(_directory.Path, "store"));

    [Fact]
    public async Task Pack_GivesTheSameDigest_ForTheSameBuildOutput()
    {
        var copy = TestPlugins.CopyWithout(TestPlugins.SamplePlugins, Path.Combine(_directory.Path, "copy"));
        File.SetLastWriteTimeUtc(Path.Combine(copy, "SamplePlugins.dll"), new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Utc));

        var first = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);
        var second = await PluginBundle.PackAsync(copy, CancellationToken.None);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(CheckpointDigest.Sha256Of(first.Bytes), first.Sha256);
        using var zip = new ZipArchive(new MemoryStream(first.Bytes));
        Assert.Contains(zip.Entries, e => e.FullName == "SamplePlugins.dll");
    }

    [Fact]
    public async Task Pack_SaysWhatIsWrong_WithAPathThatIsNotABundle()
    {
        var missing = Path.Combine(_directory.Path, "nowhere");
        var empty = Directory.CreateDirectory(Path.Combine(_directory.Path, "empty")).FullName;

        var none = await Assert.ThrowsAsync<PluginException>(() => PluginBundle.PackAsync(missing, CancellationToken.None));
        var noDll = await Assert.ThrowsAsync<PluginException>(() => PluginBundle.PackAsync(empty, CancellationToken.None));

        Assert.Equal($"bundle '{missing}' does not exist (build the plugin first, for example: dotnet publish -c Release)", none.Message);
        Assert.Equal($"bundle '{empty}' holds no .dll: point workload.bundle at the plugin's build output folder", noDll.Message);
    }

    [Fact]
    public async Task Get_FetchesVerifiesAndUnpacksABundleOnce()
    {
        var bundle = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);
        var store = Store;
        await store.WriteAsync(PluginBundle.KeyOf(bundle.Sha256), new MemoryStream(bundle.Bytes), CancellationToken.None);
        var cache = new BundleCache(Path.Combine(_directory.Path, "cache"), store);

        var folder = await cache.GetAsync(bundle.Sha256, CancellationToken.None);
        await store.DeleteAsync(PluginBundle.KeyOf(bundle.Sha256), CancellationToken.None);

        Assert.Equal(Path.Combine(_directory.Path, "cache", bundle.Sha256), folder);
        Assert.True(File.Exists(Path.Combine(folder, "SamplePlugins.dll")));
        Assert.Equal(folder, await cache.GetAsync(bundle.Sha256, CancellationToken.None));
        Assert.Equal("linear", new PluginLoader().Load(folder, TestPlugins.Linear, "sha256:" + bundle.Sha256).Kind);
    }

    [Fact]
    public async Task Get_RefusesABundleWhoseBytesDoNotMatchItsDigest()
    {
        var bundle = await PluginBundle.PackAsync(TestPlugins.SamplePlugins, CancellationToken.None);
        var claimed = new string('a', 64);
        var store = Store;
        await store.WriteAsync(PluginBundle.KeyOf(claimed), new MemoryStream(bundle.Bytes), CancellationToken.None);
        var cache = new BundleCache(Path.Combine(_directory.Path, "cache"), store);

        var error = await Assert.ThrowsAsync<PluginException>(() => cache.GetAsync(claimed, CancellationToken.None));

        Assert.Equal(
            $"bundle sha256:{claimed} fetched from {store.UriOf(PluginBundle.KeyOf(claimed))} has SHA-256 {bundle.Sha256}: it is damaged or was replaced, so it is not loaded",
            error.Message);
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "cache", claimed)));
    }

    [Fact]
    public async Task Get_SaysSo_WhenTheStoreHasNoSuchBundle()
    {
        var missing = new string('b', 64);
        var store = Store;
        var cache = new BundleCache(Path.Combine(_directory.Path, "cache"), store);

        var error = await Assert.ThrowsAsync<PluginException>(() => cache.GetAsync(missing, CancellationToken.None));

        Assert.Equal(
            $"bundle sha256:{missing} is not in the artifact store ({store.UriOf(PluginBundle.KeyOf(missing))}); upload it again with tuner submit or POST /api/bundles",
            error.Message);
    }
}
