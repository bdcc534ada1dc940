using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Tests.Checkpoints;

/// <summary>Reading back what a checkpoint store holds, for the store tests.</summary>
internal static class StoredObjects
{
    /// <summary>The bytes stored under <paramref name="key"/>; the test fails when there are none.</summary>
    public static async Task<byte[]> ReadAllAsync(this ICheckpointStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
