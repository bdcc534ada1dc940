using System.Security.Cryptography;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Tests.Checkpoints.Contract;

/// <summary>
/// What every <see cref="ICheckpointStore"/> promises, checked against each implementation: one small derived class
/// per store gives every test a fresh, empty store. What only one store does is tested beside that store.
/// </summary>
public abstract class CheckpointStoreContract
{
    private const string Key = "sweeps/12/trials/34/epoch-0003.ckpt";

    /// <summary>A store of its own for the running test, empty at first.</summary>
    protected abstract ICheckpointStore Store { get; }

    [Fact]
    public async Task Write_ThenOpenRead_ReturnsTheContent()
    {
        await Store.WriteAsync(Key, new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal([1, 2, 3], await Store.ReadAllAsync(Key));
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

        var stored = await Store.WriteAsync(Key, content, CancellationToken.None);

        Assert.Equal(Store.UriOf(Key), stored.Uri);
        Assert.Equal(size, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(await Store.ReadAllAsync(Key))));
    }

    [Fact]
    public async Task Write_ReadsContentFromItsCurrentPosition()
    {
        var content = new MemoryStream([1, 2, 3, 4, 5]) { Position = 2 };

        await Store.WriteAsync("tail.ckpt", content, CancellationToken.None);

        Assert.Equal([3, 4, 5], await Store.ReadAllAsync("tail.ckpt"));
    }

    [Fact]
    public async Task Write_ReplacesTheWholeObject_WhenItExists()
    {
        await Store.WriteAsync(Key, new MemoryStream(new byte[1000]), CancellationToken.None);

        await Store.WriteAsync(Key, new MemoryStream([9]), CancellationToken.None);

        Assert.Equal([9], await Store.ReadAllAsync(Key));
    }

    [Fact]
    public async Task OpenRead_ReturnsNull_WhenTheObjectIsMissing()
    {
        Assert.Null(await Store.OpenReadAsync("sweeps/1/none.ckpt", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesTheObject_AndDoesNothingTheSecondTime()
    {
        await Store.WriteAsync(Key, new MemoryStream([1]), CancellationToken.None);

        await Store.DeleteAsync(Key, CancellationToken.None);
        await Store.DeleteAsync(Key, CancellationToken.None);
        await Store.DeleteAsync("never/written.ckpt", CancellationToken.None);

        Assert.Null(await Store.OpenReadAsync(Key, CancellationToken.None));
    }

    [Theory]
    [InlineData("../outside.ckpt")]
    [InlineData("/absolute.ckpt")]
    [InlineData("a//b.ckpt")]
    [InlineData("")]
    public async Task Write_Throws_WhenTheKeyLeavesTheRoot(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(key, new MemoryStream([1]), CancellationToken.None));

        Assert.Contains($"but got key='{key}'", error.Message);
    }
}
