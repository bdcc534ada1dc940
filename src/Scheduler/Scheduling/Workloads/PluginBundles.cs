using Tuner.Core.Workloads;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Plugins;

namespace Tuner.Scheduling.Workloads;

/// <summary>Plugin bundles in the artifact store (the checkpoint store, under <c>bundles/</c>), named by their SHA-256:
/// a bundle uploaded twice is stored once, and what a worker fetches is what was uploaded.</summary>
public sealed class PluginBundles(ICheckpointStore store)
{
    /// <summary>Stores <paramref name="bundle"/> unless the store already holds it; returns its digest.</summary>
    public async Task<BundleDigest> UploadAsync(PluginBundle bundle, CancellationToken ct)
    {
        var key = PluginBundle.KeyOf(bundle.Sha256);
        await using (var existing = await store.OpenReadAsync(key, ct))
        {
            if (existing is not null) return BundleDigest.FromHex(bundle.Sha256);
        }

        var stored = await store.WriteAsync(key, new MemoryStream(bundle.Bytes, writable: false), ct);
        if (stored.Sha256 != bundle.Sha256)
        {
            throw new IOException($"the artifact store wrote {stored.Sha256} for bundle sha256:{bundle.Sha256}: the upload was damaged");
        }

        return BundleDigest.FromHex(bundle.Sha256);
    }

    /// <summary>The catalog of this machine: built-ins, and plugins fetched from <paramref name="store"/> and unpacked
    /// under <paramref name="home"/>/plugins.</summary>
    public static WorkloadCatalog Catalog(string home, ICheckpointStore store) =>
        new(new BundleCache(Path.Combine(home, "plugins"), store), new PluginLoader());
}
