using Tuner.Trainer.Checkpoints.Compression;

namespace Tuner.Trainer.Tests.Checkpoints.Compression;

public sealed class ByteShuffleTests
{
    [Fact]
    public void Shuffle_GroupsTheNthByteOfEveryValue_AndLeavesTheTailInPlace()
    {
        byte[] source = [0x10, 0x11, 0x12, 0x13, 0x20, 0x21, 0x22, 0x23, 0x30, 0x31, 0x32, 0x33, 0xA0, 0xA1];
        var shuffled = new byte[source.Length];

        ByteShuffle.Shuffle(source, shuffled);

        Assert.Equal([0x10, 0x20, 0x30, 0x11, 0x21, 0x31, 0x12, 0x22, 0x32, 0x13, 0x23, 0x33, 0xA0, 0xA1], shuffled);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(4097)]
    public void Unshuffle_UndoesShuffle(int length)
    {
        var source = new byte[length];
        new Random(length).NextBytes(source);
        var shuffled = new byte[length];
        var restored = new byte[length];

        ByteShuffle.Shuffle(source, shuffled);
        ByteShuffle.Unshuffle(shuffled, restored);

        Assert.Equal(source, restored);
    }

    [Fact]
    public void Shuffle_RefusesADestinationOfAnotherLength()
    {
        var e = Assert.Throws<ArgumentException>(() => ByteShuffle.Shuffle(new byte[8], new byte[7]));

        Assert.Contains("(8 bytes), but got 7", e.Message);
    }
}
