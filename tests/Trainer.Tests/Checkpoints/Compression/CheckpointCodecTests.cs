using System.Text;
using Tuner.Trainer.Checkpoints.Compression;

namespace Tuner.Trainer.Tests.Checkpoints.Compression;

public sealed class CheckpointCodecTests
{
    private const int Block = CheckpointCodec.BlockSize;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(Block - 1)]
    [InlineData(Block)]
    [InlineData(Block + 3)]
    [InlineData(2 * Block + 7)]
    public async Task Decode_ReturnsTheEncodedBytes_AtEveryLengthAroundTheBlockSize(int length)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);

        var (stored, read) = await EncodeAsync(content);
        var decoded = await DecodeAsync(stored, chunk: 1000);

        Assert.Equal(length, read);
        Assert.Equal(content, decoded);
    }

    [Fact]
    public async Task Encode_StoresFloat32WeightsInLessThanNineTenthsOfTheirSize()
    {
        // Weights of a trained layer are roughly normal with a small spread: their exponent bytes repeat. (Random normal
        // mantissas are the worst case; real checkpoints, with optimizer state, save more: docs/costs.md.)
        var random = new Random(7);
        var weights = new float[600_000];
        for (var i = 0; i < weights.Length; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            weights[i] = (float)(0.05 * normal);
        }
        var content = new byte[weights.Length * sizeof(float)];
        Buffer.BlockCopy(weights, 0, content, 0, content.Length);

        var (stored, _) = await EncodeAsync(content);

        Assert.InRange(stored.Length, 1, content.Length * 9 / 10);
        Assert.Equal(content, await DecodeAsync(stored, chunk: 1 << 16));
    }

    [Fact]
    public async Task Decode_RefusesBytesThatAreNotThisFormat_SayingWhatTheyStartWith()
    {
        var raw = Encoding.ASCII.GetBytes("TUNERCKP and then some");

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => CheckpointCodec.DecodeAsync(new MemoryStream(raw), CancellationToken.None));

        Assert.Contains("must start with TUNERCZ version 1, but it starts with 54554E4552434B50", e.Message);
    }

    [Fact]
    public async Task Decode_RefusesAnImpossibleBlockSize()
    {
        var (stored, _) = await EncodeAsync(new byte[10]);
        stored[8] = 0; stored[9] = 0; stored[10] = 0; stored[11] = 0;

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => CheckpointCodec.DecodeAsync(new MemoryStream(stored), CancellationToken.None));

        Assert.Contains("block size must be from 4 to", e.Message);
    }

    private static async Task<(byte[] Stored, long Read)> EncodeAsync(byte[] content)
    {
        using var destination = new MemoryStream();
        var read = await CheckpointCodec.EncodeAsync(new MemoryStream(content), destination, CancellationToken.None);
        return (destination.ToArray(), read);
    }

    private static async Task<byte[]> DecodeAsync(byte[] stored, int chunk)
    {
        await using var decoded = await CheckpointCodec.DecodeAsync(new MemoryStream(stored), CancellationToken.None);
        using var result = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = await decoded.ReadAsync(buffer)) > 0) result.Write(buffer, 0, read);
        return result.ToArray();
    }
}
