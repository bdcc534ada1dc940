using System.Collections.Concurrent;
using System.IO.Compression;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Plugins;

/// <summary>
/// Plugin bundles unpacked on this machine, one folder per SHA-256 under <paramref name="directory"/>: fetched from the
/// artifact store the first time a bundle is needed, verified against its digest before anything is unpacked, and
/// kept (a bundle never changes under its digest). Several workers on one machine share the folder: each unpacks into
/// a private folder and renames it into place, so none ever sees half a bundle.
/// </summary>
public sealed class BundleCache(string directory, ICheckpointStore store)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>The folder holding bundle <paramref name="sha256"/>'s assemblies (for a .nupkg, its lib/ folder for
    /// this framework).</summary>
    public async Task<string> GetAsync(string sha256, CancellationToken ct)
    {
        var target = Path.Combine(directory, sha256);
        if (Directory.Exists(target)) return AssemblyFolder(target, sha256);
        var gate = Gates.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (!Directory.Exists(target)) await FetchAsync(sha256, target, ct);
        }
        finally
        {
            gate.Release();
        }
        return AssemblyFolder(target, sha256);
    }

    private async Task FetchAsync(string sha256, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var key = PluginBundle.KeyOf(sha256);
        await using var source = await store.OpenReadAsync(key, ct)
            ?? throw new PluginException($"bundle sha256:{sha256} is not in the artifact store ({store.UriOf(key)}); upload it again with tuner submit or POST /api/bundles");
        var scratch = Path.Combine(directory, $".incoming-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var archive = Path.Combine(scratch, "bundle.zip");
            string actual;
            await using (var file = File.Create(archive))
            {
                (_, actual) = await CheckpointDigest.CopyAsync(source, file, ct);
            }
            if (actual != sha256)
            {
                throw new PluginException(
                    $"bundle sha256:{sha256} fetched from {store.UriOf(key)} has SHA-256 {actual}: it is damaged or was replaced, so it is not loaded");
            }

            var unpacked = Path.Combine(scratch, "bundle");
            Unpack(archive, unpacked, sha256);
            try
            {
                Directory.Move(unpacked, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another worker on this machine unpacked the same bundle first: its copy is identical.
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Unpack(string archive, string destination, string sha256)
    {
        try
        {
            // ExtractToDirectory refuses entries that would land outside the destination ("../x", absolute paths).
            ZipFile.ExtractToDirectory(archive, destination);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new PluginException($"bundle sha256:{sha256} is not a zip archive that can be unpacked: {e.Message}", e);
        }
    }

    /// <summary>A build output is its own assembly folder; a .nupkg keeps its assemblies in lib/netX.Y/, of which the
    /// newest this runtime can load is taken.</summary>
    private static string AssemblyFolder(string bundle, string sha256)
    {
        var lib = Path.Combine(bundle, "lib");
        if (!Directory.Exists(lib) || Directory.GetFiles(bundle, "*.nuspec").Length == 0) return bundle;
        var runtime = Environment.Version;
        var frameworks = Directory.GetDirectories(lib)
            .Select(d => (Path: d, Version: FrameworkVersion(Path.GetFileName(d))))
            .Where(f => f.Version is { } v && v <= new Version(runtime.Major, runtime.Minor))
            .OrderByDescending(f => f.Version)
            .ToList();
        return frameworks.Count > 0
            ? frameworks[0].Path
            : throw new PluginException(
                $"bundle sha256:{sha256} is a package without assemblies for .NET {runtime.Major}.{runtime.Minor} or older " +
                $"(lib/ has: {string.Join(", ", Directory.GetDirectories(lib).Select(Path.GetFileName))})");
    }

    private static Version? FrameworkVersion(string? folder) =>
        folder is not null && folder.StartsWith("net", StringComparison.Ordinal) && Version.TryParse(folder[3..], out var v) && v.Major >= 5 ? v : null;
}
