using Tuner.Trainer.Checkpoints.S3;
using Tuner.TestSupport.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

[Collection(S3ServerCollection.Name)]
public sealed class S3CheckpointStoreOverwriteTests(S3ServerFixture s3)
{
    [Theory]
    [InlineData(16 * S3StoreOptions.MiB)] // PutObject
    [InlineData(S3StoreOptions.MiB)] // multipart
    public async Task WriteAsync_Overwrite_ReadersSeeWholeOldOrWholeNewObject(long thresholdBytes)
    {
        var store = s3.NewStore(thresholdBytes);
        byte[] old = Filled(6_000_000, 0xAA), replacement = Filled(7_500_000, 0xBB);
        await store.WriteAsync("latest.ckpt", new MemoryStream(old), CancellationToken.None);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                var next = i % 2 == 0 ? replacement : old;
                await store.WriteAsync("latest.ckpt", new MemoryStream(next), CancellationToken.None);
            }
        });
        var seen = new List<byte[]>();
        while (!writer.IsCompleted) seen.Add(await store.ReadAllAsync("latest.ckpt"));
        await writer;
        seen.Add(await store.ReadAllAsync("latest.ckpt"));

        Assert.All(seen, bytes => Assert.True(bytes.AsSpan().SequenceEqual(old) || bytes.AsSpan().SequenceEqual(replacement),
            $"a reader saw {bytes.Length} bytes that are neither the whole old object nor the whole new one"));
        Assert.Equal(old, seen[^1]);
    }

    private static byte[] Filled(int count, byte value) => Enumerable.Repeat(value, count).ToArray();
}
