using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Checkpoints;

/// <summary>What only the file-system store does; what every store promises is in <see cref="Contract.CheckpointStoreContract"/>.</summary>
public sealed class FileSystemCheckpointStoreTests : IDisposable
{
    private const string Key = "sweeps/12/trials/34/epoch-0003.ckpt";
    private readonly TemporaryDirectory _directory = new();
    private readonly FileSystemCheckpointStore _store;

    public FileSystemCheckpointStoreTests() => _store = new FileSystemCheckpointStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

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

        Assert.Equal([1, 2, 3], await _store.ReadAllAsync(Key));
        Assert.Single(Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void UriOf_GivesAFileUriInsideTheRoot()
    {
        var uri = new Uri(_store.UriOf(Key));

        Assert.Equal("file", uri.Scheme);
        Assert.Equal(Path.Join(_directory.Path, Key), uri.LocalPath);
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
