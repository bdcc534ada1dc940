using System.Security.Cryptography;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Checkpoints;

public sealed class FileSystemCheckpointStoreTests : IDisposable
{
    private const string Key = "sweeps/12/trials/34/epoch-0003.ckpt";
    private readonly TemporaryDirectory _directory = new();
    private readonly FileSystemCheckpointStore _store;

    public FileSystemCheckpointStoreTests() => _store = new FileSystemCheckpointStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Write_ThenOpenRead_ReturnsTheContent()
    {
        await _store.WriteAsync(Key, new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal([1, 2, 3], await ReadAsync(Key));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(200_003)]
    public async Task Write_ReturnsUriSizeAndSha256OfTheBytesWritten(int size)
    {
        var bytes = new byte[size];
        new Random(5).NextBytes(bytes);
        var content = new MemoryStream([0xFF, .. bytes]) { Position = 1 };

        var stored = await _store.WriteAsync(Key, content, CancellationToken.None);

        Assert.Equal(_store.UriOf(Key), stored.Uri);
        Assert.Equal(size, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(await ReadAsync(Key))));
    }

    [Fact]
    public async Task Write_ReplacesTheWholeObject_WhenItExists()
    {
        await _store.WriteAsync(Key, new MemoryStream(new byte[1000]), CancellationToken.None);

        await _store.WriteAsync(Key, new MemoryStream([9]), CancellationToken.None);

        Assert.Equal([9], await ReadAsync(Key));
    }

    [Fact]
    public async Task Write_LeavesNoTemporaryFiles()
    {
        await _store.WriteAsync(Key, new MemoryStream([1]), CancellationToken.None);
        await _store.WriteAsync(Key, new MemoryStream([2]), CancellationToken.None);

        var files = Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories);
        Assert.Equal([Path.Join(_directory.Path, Key)], files);
    }

    [Fact]
    public async Task Write_KeepsTheOldObject_WhenTheContentFailsHalfway()
    {
        await _store.WriteAsync(Key, new MemoryStream([1, 2, 3]), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync(Key, new FailingStream(), CancellationToken.None));

        Assert.Equal([1, 2, 3], await ReadAsync(Key));
        Assert.Single(Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OpenRead_ReturnsNull_WhenTheObjectIsMissing()
    {
        Assert.Null(await _store.OpenReadAsync("sweeps/1/none.ckpt", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesTheObject_AndDoesNothingTheSecondTime()
    {
        await _store.WriteAsync(Key, new MemoryStream([1]), CancellationToken.None);

        await _store.DeleteAsync(Key, CancellationToken.None);
        await _store.DeleteAsync(Key, CancellationToken.None);
        await _store.DeleteAsync("never/written.ckpt", CancellationToken.None);

        Assert.Null(await _store.OpenReadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public void UriOf_GivesAFileUriInsideTheRoot()
    {
        var uri = new Uri(_store.UriOf(Key));

        Assert.Equal("file", uri.Scheme);
        Assert.Equal(Path.Join(_directory.Path, Key), uri.LocalPath);
    }

    [Theory]
    [InlineData("../outside.ckpt")]
    [InlineData("/absolute.ckpt")]
    [InlineData("a//b.ckpt")]
    [InlineData("")]
    public async Task Write_Throws_WhenTheKeyLeavesTheRoot(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(key, new MemoryStream([1]), CancellationToken.None));

        Assert.Contains($"but got key='{key}'", error.Message);
    }

    private async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 0 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 10)], cancellationToken);
    }
}
