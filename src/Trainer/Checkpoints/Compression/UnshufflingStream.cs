namespace Tuner.Trainer.Checkpoints.Compression;

/// <summary>Reads <see cref="CheckpointCodec"/>'s decompressed blocks and hands out their bytes un-shuffled, one block
/// at a time. Read-only and forward-only, like the Brotli stream under it, which it owns.</summary>
internal sealed class UnshufflingStream(Stream decompressed, int blockSize) : Stream
{
    private readonly byte[] _shuffled = new byte[blockSize];
    private readonly byte[] _block = new byte[blockSize];
    private int _length;
    private int _offset;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _length && !_ended) Fill(decompressed.ReadAtLeast(_shuffled, blockSize, throwOnEndOfStream: false));
        return CopyOut(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _length && !_ended)
            Fill(await decompressed.ReadAtLeastAsync(_shuffled, blockSize, throwOnEndOfStream: false, cancellationToken));
        return CopyOut(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Fill(int read)
    {
        ByteShuffle.Unshuffle(_shuffled.AsSpan(0, read), _block.AsSpan(0, read));
        _length = read;
        _offset = 0;
        _ended = read < blockSize;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _length - _offset);
        _block.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await decompressed.DisposeAsync();
        await base.DisposeAsync();
    }
}
