using System.IO.Compression;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Plugins;

/// <summary>
/// A plugin bundle's bytes: a zip of a build output folder (the folder holding the plugin's .dll, its .deps.json and
/// its dependencies), or a .nupkg as it is (a .nupkg is a zip whose lib/&lt;framework&gt;/ folder holds the assemblies).
/// A folder is zipped with its entries in ordinal order and a fixed time stamp, so the same build gives the same
/// SHA-256 and is uploaded and cached once.
/// </summary>
public sealed record PluginBundle(byte[] Bytes, string Sha256)
{
    /// <summary>Bundles larger than this are refused before upload: a build output is a few MB; a larger one usually
    /// carries TorchSharp's native libraries, which every worker already has.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The object key of a bundle in the artifact store.</summary>
    public static string KeyOf(string sha256) => $"bundles/{sha256}.zip";

    /// <summary>Packs <paramref name="path"/>: a folder, a .nupkg, or a .zip made by hand.</summary>
    public static async Task<PluginBundle> PackAsync(string path, CancellationToken ct)
    {
        byte[] bytes;
        if (Directory.Exists(path))
        {
            bytes = Zip(path);
        }
        else if (File.Exists(path) && (path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            if (new FileInfo(path).Length > MaxBytes) throw TooLarge(path, new FileInfo(path).Length);
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        else
        {
            throw new PluginException(File.Exists(path)
                ? $"bundle '{path}' must be a build output folder, a .nupkg or a .zip"
                : $"bundle '{path}' does not exist (build the plugin first, for example: dotnet publish -c Release)");
        }

        if (bytes.Length > MaxBytes) throw TooLarge(path, bytes.Length);
        return new PluginBundle(bytes, CheckpointDigest.Sha256Of(bytes));
    }

    private static byte[] Zip(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!files.Any(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            throw new PluginException($"bundle '{folder}' holds no .dll: point workload.bundle at the plugin's build output folder");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var target = entry.Open();
                using var source = File.OpenRead(Path.Combine(folder, file));
                source.CopyTo(target);
            }
        }
        return buffer.ToArray();
    }

    private static PluginException TooLarge(string path, long size) => new(
        $"bundle '{path}' is {size / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB a bundle may take; " +
        "leave TorchSharp's native libraries out (every worker has them): reference TorchSharp without the libtorch packages");
}
